"""The web views of a story: the `parallax serve` app and the pages it shares with `parallax report`.

Everything shown comes from hostile input (article text, titles, URLs): templates autoescape, pages carry a
strict Content-Security-Policy and no inline script or style, and every asset is served from this package.
"""

from parallax.views.web.app import create_app

__all__ = ["create_app"]
