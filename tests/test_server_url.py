"""A server debate's URL (README, "Team debates on a server"): what it names, and a
plain sentence for each way it can be wrong, before any server is asked."""

from __future__ import annotations

import pytest

from debate_editor.domain.errors import DebateFileError
from debate_editor.store.server_url import is_server_url, parse_server_url


def test_the_parts_of_a_url_and_the_debate_it_names() -> None:
    address = parse_server_url(
        "postgresql://ann%40team@db.example.org:5433/club?debate=Vélos%20en%20ville&sslmode=require")
    assert (address.user, address.host, address.port, address.database, address.debate) == (
        "ann@team", "db.example.org", 5433, "club", "Vélos en ville")
    assert address.query == (("sslmode", "require"),)


def test_a_unix_socket_url_passes_its_folder_on() -> None:
    address = parse_server_url("postgres://postgres@/debates?host=/run/pg&debate=d")
    assert address.host is None and address.query == (("host", "/run/pg"),)


def test_a_password_in_the_url_is_never_shown() -> None:
    address = parse_server_url("postgresql://ann:s3cret@h/db?debate=d")
    assert address.password == "s3cret"
    assert "s3cret" not in str(address) and "s3cret" not in repr(address)
    with pytest.raises(DebateFileError) as caught:
        parse_server_url("postgresql://ann:s3cret@h/db")
    assert "s3cret" not in str(caught.value)


def test_files_are_not_urls() -> None:
    assert not is_server_url("debates/postgresql.debate")
    assert not is_server_url("postgresql:/x.debate")
    assert is_server_url("PostgreSQL://h/db?debate=d")


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql://h:port/db?debate=d", "is not a valid URL"),
    ("postgresql://h:99999/db?debate=d", "is not a valid URL"),
    ("postgresql://h/?debate=d", "names no database"),
    ("postgresql://h/db", "names no debate; add ?debate=NAME"),
    ("postgresql://h/db?debate=a&debate=b", "more than one debate"),
    ("postgresql://h/db?debate=", "the debate's name is empty"),
    ("postgresql://h/db?debate=pg_toast", "PostgreSQL keeps for itself"),
    ("postgresql://h/db?debate=a%0Ab", "control character"),
    ("postgresql://h/db?debate=" + "é" * 32, "too long (64 bytes"),
    ("postgresql://h/db?debate=d#top", "'#' part"),
])
def test_a_malformed_url_is_refused_in_one_sentence(url: str, words: str) -> None:
    with pytest.raises(DebateFileError) as caught:
        parse_server_url(url)
    assert words in str(caught.value)
    assert str(caught.value).startswith("postgresql://h")
