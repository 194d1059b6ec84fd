"""The card view renders Markdown and loads images only from the collection's media folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.gui.card_view import CardView, card_html, media_path

IMAGE = QTextDocument.ResourceType.ImageResource.value


def make_media(tmp_path):
    media = tmp_path / "c.media"
    media.mkdir()
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    image.save(str(media / "diagram.png"))
    (tmp_path / "secret.png").write_bytes((media / "diagram.png").read_bytes())
    return media


def test_images_load_from_the_media_folder_only(qtbot, tmp_path):
    media = make_media(tmp_path)
    (media / "link.png").symlink_to(tmp_path / "secret.png")
    view = CardView(media)
    qtbot.addWidget(view)
    assert view.loadResource(IMAGE, QUrl("diagram.png")).size().width() == 4
    for refused in (
        "../secret.png",
        "sub/../../secret.png",
        str(tmp_path / "secret.png"),
        "file://" + str(tmp_path / "secret.png"),
        "http://example.com/x.png",
        "https://example.com/diagram.png",
        "link.png",
        "missing.png",
    ):
        assert view.loadResource(IMAGE, QUrl(refused)) is None, refused
    assert media_path(media, "..\\secret.png") is None


def test_a_card_image_is_drawn_and_a_remote_one_is_refused(qtbot, tmp_path):
    media = make_media(tmp_path)
    view = CardView(media)
    qtbot.addWidget(view)
    view.show()
    refused = []
    view.resource_refused.connect(refused.append)
    view.show_card("![d](diagram.png) ![r](http://example.com/r.png)")
    qtbot.waitUntil(lambda: bool(refused))
    assert set(refused) == {"http://example.com/r.png"}
    assert view.document().resource(IMAGE, QUrl("diagram.png")) is not None


def test_answer_appears_under_the_question(qtbot, tmp_path):
    view = CardView(tmp_path)
    qtbot.addWidget(view)
    view.show_card("哪个命令列出本地镜像？")
    assert view.toPlainText().strip() == "哪个命令列出本地镜像？"
    view.show_card("哪个命令列出本地镜像？", "```bash\ndocker image ls\n```")
    text = view.toPlainText()
    assert text.index("哪个命令") < text.index("docker image ls")


def test_code_is_highlighted_for_the_theme(qapp):
    source = "```python\ndef f():\n    return 1\n```"
    light, dark = card_html("q", source, dark=False), card_html("q", source, dark=True)
    assert 'bgcolor="#f0f0f0"' in light
    assert 'bgcolor="#272822"' in dark  # Pygments' monokai background
    assert "\n</code>" not in light  # no empty last line in the block


def test_a_wide_image_is_scaled_to_fit_the_card(qtbot, tmp_path):
    media = tmp_path / "m.media"
    media.mkdir()
    wide = QImage(3000, 100, QImage.Format.Format_RGB32)
    wide.fill(0x999999)
    wide.save(str(media / "wide.png"))
    view = CardView(media)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    loaded = view.loadResource(IMAGE, QUrl("wide.png"))
    assert 200 <= loaded.width() <= 600
    assert loaded.height() == round(100 * loaded.width() / 3000)


def _count_colour(image, rgb):
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).rgb() & 0xFFFFFF == rgb
    )


def test_markdown_and_imported_html_images_are_drawn_from_the_media_folder(qtbot, tmp_path):
    media = tmp_path / "c.media"
    media.mkdir()
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(0xCC2200)
    picture.save(str(media / "pic.png"))
    picture.save(str(media / "my pic.png"))
    view = CardView(media)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    for card, name in (
        ("![](pic.png)", "pic.png"),
        ('Anki: <img src="pic.png">', "pic.png"),
        ("![a diagram](my%20pic.png)", "my%20pic.png"),
    ):
        view.show_card(card)
        resource = view.document().resource(IMAGE, QUrl(name))
        assert isinstance(resource, QImage) and not resource.isNull(), card
        assert (resource.width(), resource.height()) == (40, 30)
        # 40x30 pixels, sampled every other pixel in both directions: about 300 samples.
        assert _count_colour(view.grab().toImage(), 0xCC2200) >= 250, card


def test_loading_an_image_logs_no_qt_warning(qtbot, qtlog, tmp_path):
    media = make_media(tmp_path)
    view = CardView(media)
    qtbot.addWidget(view)
    view.show()
    view.show_card("![d](diagram.png)")
    view.grab()
    assert [record.message for record in qtlog.records] == []


def test_inline_code_is_set_apart_from_chinese_text(qapp):
    html = card_html("q", "结合`docker image ls`删除，用 `rm`。", dark=False)
    assert "结合&#8201;<code>docker image ls</code>&#8201;删除" in html
    assert "用 <code>rm</code>&#8201;。" in html
    english = card_html("Use `ls` now", None, dark=False)
    assert "&#8201;" not in english
