"""Browser Storage over an object with localStorage's getItem/setItem/removeItem (strings only)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Protocol

from lm_game.storage.base import StorageError, check_key

NAMESPACE = "lm-game:"
INDEX_KEY = NAMESPACE + "#index"
TEXT_TAG = "t:"
BASE64_TAG = "b:"


class WebStorageLike(Protocol):
    """The part of the browser's Storage interface we use (window.localStorage)."""

    def getItem(self, key: str) -> Any:  # noqa: N802 - browser API name
        """Return the string stored under key, or None/null."""
        ...

    def setItem(self, key: str, value: str) -> Any:  # noqa: N802 - browser API name
        """Store a string; may raise when the quota is exceeded."""
        ...

    def removeItem(self, key: str) -> Any:  # noqa: N802 - browser API name
        """Remove a key."""
        ...


def encode_value(data: bytes) -> str:
    """Text stays readable ("t:" + text); other bytes become "b:" + base64."""
    try:
        return TEXT_TAG + data.decode("utf-8")
    except UnicodeDecodeError:
        return BASE64_TAG + base64.b64encode(data).decode("ascii")


def decode_value(value: object) -> bytes | None:
    """Inverse of encode_value; None for anything that is not one of our strings."""
    if not isinstance(value, str):
        return None
    if value.startswith(TEXT_TAG):
        return value[len(TEXT_TAG):].encode("utf-8")
    if value.startswith(BASE64_TAG):
        try:
            return base64.b64decode(value[len(BASE64_TAG):].encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            return None
    return None


class LocalStorage:
    """Storage for the web build; keys are namespaced so other pages on the origin do not collide.

    The platform layer passes `window.localStorage` in; tests pass a fake. A failing setItem
    (quota) leaves the previous value untouched and raises StorageError.
    """

    def __init__(self, backend: WebStorageLike, namespace: str = NAMESPACE) -> None:
        self._backend = backend
        self._ns = namespace
        self._index_key = namespace + "#index"

    def _get(self, raw_key: str) -> object:
        try:
            return self._backend.getItem(raw_key)
        except Exception as exc:  # a JS proxy may raise anything
            raise StorageError(f"cannot read {raw_key!r} from browser storage: {exc}") from exc

    def _set(self, raw_key: str, value: str) -> None:
        try:
            self._backend.setItem(raw_key, value)
        except Exception as exc:  # QuotaExceededError arrives as a generic JS error
            raise StorageError(
                f"cannot write {raw_key!r} to browser storage (full or blocked?): {exc}"
            ) from exc

    def _index(self) -> list[str]:
        raw = self._get(self._index_key)
        if not isinstance(raw, str):
            return []
        try:
            keys = json.loads(raw)
        except ValueError:
            return []
        if not isinstance(keys, list):
            return []
        return [k for k in keys if isinstance(k, str)]

    def read(self, key: str) -> bytes | None:
        """Return the bytes stored under `key`, or None."""
        return decode_value(self._get(self._ns + check_key(key)))

    def write(self, key: str, data: bytes) -> None:
        """Register the key in the index first, then set the value (one atomic setItem)."""
        check_key(key)
        index = self._index()
        if key not in index:
            self._set(self._index_key, json.dumps(sorted([*index, key])))
        self._set(self._ns + key, encode_value(bytes(data)))

    def delete(self, key: str) -> None:
        """Remove the value, then drop the key from the index."""
        check_key(key)
        try:
            self._backend.removeItem(self._ns + key)
        except Exception as exc:
            raise StorageError(f"cannot delete {key!r} from browser storage: {exc}") from exc
        index = self._index()
        if key in index:
            try:
                self._set(self._index_key, json.dumps([k for k in index if k != key]))
            except StorageError:
                pass  # a stale index entry is harmless: keys() skips missing values

    def _enumerate(self) -> list[str]:
        """Keys found by walking the backend (real localStorage has length/key(i))."""
        found: list[str] = []
        try:
            backend: Any = self._backend  # length/key(i) are optional extras
            length = int(backend.length)
            key_at = backend.key
            for i in range(length):
                raw = key_at(i)
                if isinstance(raw, str) and raw.startswith(self._ns) and raw != self._index_key:
                    found.append(raw[len(self._ns):])
        except Exception:
            return []
        return found

    def keys(self, prefix: str = "") -> list[str]:
        """Sorted keys under `prefix` that currently hold a value."""
        candidates = set(self._index()) | set(self._enumerate())
        result = []
        for key in candidates:
            if not key.startswith(prefix):
                continue
            try:
                check_key(key)
            except ValueError:
                continue
            if decode_value(self._get(self._ns + key)) is not None:
                result.append(key)
        return sorted(result)
