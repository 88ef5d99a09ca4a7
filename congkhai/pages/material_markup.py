"""Material's own markup that the W3C Nu validator refuses, corrected after rendering.

Material's base.html writes its two layout toggles (drawer, search) as
`<input type="checkbox" autocomplete="off">`; `autocomplete` is not allowed on a checkbox. The
inputs sit outside every Jinja block, so overriding them would mean copying base.html, whose
script names change with every Material release. The attribute only stops Firefox restoring a
toggle's state on reload; without it a reload may reopen the drawer, nothing more.
(Material's tabindex="" on section labels is fixed in overrides/partials/nav-item.html.)
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+") autocomplete="off">')


def html(text: str) -> str:
    return _TOGGLE.sub(r"\1>", text)
