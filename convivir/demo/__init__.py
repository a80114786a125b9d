"""Demo content for ``manage.py load_demo``: the core site (home, rights,
safety, privacy, accessibility, menus). Other apps register their own
loaders in their ``demo`` module (see :mod:`convivir.demo.base`)."""

from convivir.demo import content
from convivir.demo.base import demo_loaders

demo_loaders.register("core", content.load, order=0)
