"""congkhai: education quality improvement plans of Vietnamese schools, published as a website.

The package follows the build: core (model, catalogs, loading) → facts (what is derived once:
budgets, places, dates, the PDF policy, the build's context) → pages and outputs (pure functions
to page specs and data files) → glue (the only module that knows MkDocs) → commands.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The project folder of a checkout: mkdocs.yml, overrides/, docs/, plans/."""
