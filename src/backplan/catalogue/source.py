"""Reading a catalogue file: its bytes, the cache of validated ones, and the one error.

The validator (loader.py) and the YAML parser are imported only when the cache has
no answer, so a command that reads an unchanged catalogue starts quickly.
"""

from __future__ import annotations

from pathlib import Path

from backplan.catalogue.checker import CatalogueError
from backplan.catalogue.model import Catalogue
from backplan.files import read_regular

MAX_FILE_BYTES = 16 * 1024 * 1024


def load(path: Path, *, use_cache: bool = True) -> Catalogue:
    """Read and validate a catalogue file; raise CatalogueError listing every problem.

    A file validated before is read back from the cache instead (see catalogue.cache)."""
    source = str(path)
    data = _read_bytes(path, source)
    if use_cache:
        from backplan.catalogue import cache as catalogue_cache

        cached = catalogue_cache.read(data)
        if cached is not None:
            return Catalogue(source, cached)
    from backplan.catalogue.loader import parse

    exercises = parse(data, source)
    if use_cache:
        catalogue_cache.write(data, exercises)
    return Catalogue(source, exercises)


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        if path.is_dir():
            raise CatalogueError([f"{source}: is a directory; give the path of a YAML file"])
        data = read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise CatalogueError([f"{source}: no such file"]) from None
    except PermissionError:
        raise CatalogueError([f"{source}: permission denied; cannot read it"]) from None
    except OSError as err:
        raise CatalogueError([f"{source}: cannot be read ({err.strerror or err})"]) from None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise CatalogueError([f"{source}: larger than {limit} MB; that is not a catalogue"])
    return data
