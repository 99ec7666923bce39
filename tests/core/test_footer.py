"""The footer as clients see it: a signature in the plain part, escaped HTML with links."""

from __future__ import annotations

from smtpdesk.core.footer import Footer, footer_html, footer_text, website_href

FOOTER = Footer(
    lines=("Biuro Źródło", "ul. Łąkowa 5", "tel. 22 123 45 67", "biuro@zrodlo.pl"),
    logo=b"\x89PNG\r\n\x1a\n",
    logo_mime="image/png",
    website="www.zrodlo.pl",
)


def test_plain_footer_is_a_signature_with_every_line_and_the_website() -> None:
    assert footer_text(FOOTER) == (
        "-- \nBiuro Źródło\nul. Łąkowa 5\ntel. 22 123 45 67\nbiuro@zrodlo.pl\nwww.zrodlo.pl"
    )
    assert FOOTER.text() == footer_text(FOOTER)


def test_empty_footer_renders_nothing() -> None:
    assert footer_text(Footer()) == ""
    assert footer_html(Footer()) == ""


def test_html_footer_links_the_address_and_the_website_and_shows_the_inline_logo() -> None:
    html = footer_html(FOOTER, "logo-1@zrodlo.pl")
    assert '<img src="cid:logo-1@zrodlo.pl"' in html
    assert '<a href="mailto:biuro@zrodlo.pl">biuro@zrodlo.pl</a>' in html
    assert '<a href="https://www.zrodlo.pl">www.zrodlo.pl</a>' in html
    assert "ul. Łąkowa 5<br>" in html


def test_html_footer_without_a_cid_has_no_image() -> None:
    assert "<img" not in FOOTER.html()


def test_markup_typed_by_a_user_is_shown_as_text() -> None:
    footer = Footer(lines=('<script>alert("x")</script>', "A & B"), website="javascript:alert(1)")
    html = footer_html(footer)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "A &amp; B" in html
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html  # still shown, only not as a link


def test_line_breaks_and_control_characters_inside_a_line_become_spaces() -> None:
    footer = Footer(lines=("Jan\r\nKowalski\t\x00", "  "))
    assert footer_text(footer) == "-- \nJan Kowalski"


def test_website_links_keep_http_and_https_and_add_https_to_bare_names() -> None:
    assert website_href("http://zrodlo.pl/oferty") == "http://zrodlo.pl/oferty"
    assert website_href("HTTPS://zrodlo.pl") == "HTTPS://zrodlo.pl"
    assert website_href("zrodlo.pl") == "https://zrodlo.pl"
    assert website_href("data:text/html,x") == ""
    assert website_href("") == ""
