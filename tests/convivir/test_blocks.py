"""Shared blocks' rules that hold for any input."""

from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from convivir.blocks import video_player_url

HOSTS = ["www.youtube.com", "youtu.be", "vimeo.com", "evil.example", "youtube.com.evil"]


@given(
    host=st.sampled_from(HOSTS),
    path=st.text(max_size=40),
    query=st.text(max_size=40),
)
def test_player_address_only_ever_points_at_the_two_allowed_players(host, path, query):
    player = video_player_url(f"https://{host}/{path}?{query}")
    if player is not None:
        parts = urlsplit(player)
        assert parts.scheme == "https"
        assert parts.netloc in {"www.youtube-nocookie.com", "player.vimeo.com"}
        assert '"' not in player and "<" not in player


def test_known_video_links():
    assert video_player_url("https://www.youtube.com/watch?v=abc123XYZ_0") == (
        "https://www.youtube-nocookie.com/embed/abc123XYZ_0"
    )
    assert video_player_url("https://youtu.be/abc123XYZ_0") == (
        "https://www.youtube-nocookie.com/embed/abc123XYZ_0"
    )
    assert video_player_url("https://vimeo.com/76979871") == (
        "https://player.vimeo.com/video/76979871?dnt=1"
    )
    assert video_player_url("https://evil.example/watch?v=abc") is None
    assert video_player_url("https://www.youtube.com/watch?v=a<b") is None
