"""MkDocs hooks: hand the model to MkDocs. No domain logic lives here.

congkhai/glue.py loads and validates the plans once per build and hands them to the page
families (congkhai/pages/) and the post-build steps (congkhai/outputs/); the templates in
overrides/ render the pages.
"""

from __future__ import annotations

from congkhai import glue


def on_startup(command, dirty):
    return glue.on_startup(command, dirty)


def on_config(config):
    return glue.on_config(config)


def on_files(files, config):
    return glue.on_files(files, config)


def on_nav(nav, config, files):
    return glue.on_nav(nav, config, files)


def on_env(env, config, files):
    return glue.on_env(env, config, files)


def on_page_content(html, page, config, files):
    return glue.on_page_content(html, page, config, files)


def on_page_context(context, page, config, nav):
    return glue.on_page_context(context, page, config, nav)


def on_post_page(output, page, config):
    return glue.on_post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return glue.on_post_template(output_content, template_name, config)


def on_post_build(config):
    return glue.on_post_build(config)


def on_build_error(error):
    return glue.on_build_error(error)
