#!/usr/bin/env python3
"""Draw the example site's portraits and sample WeChat QR image.

Every representative in content/representatives/*.yaml whose `photo` points under
media/photos/ gets a stylised head-and-shoulders illustration (no real person is
depicted), written as JPEG or PNG according to the file extension in the record.
Every `wechat_qr` under media/wechat/ gets a clearly-marked sample QR image.

The drawing is deterministic: colours, hair style and glasses are chosen from a hash
of the record's id (the gender in the record picks the set of hair styles), so a
rerun writes the same pictures.

Usage:  python3 tools/draw_portraits.py [CONTENT_DIR]      (default: ../content)
Needs:  Pillow and PyYAML; the `qrcode` package for a real, scannable QR code
        (without it a QR-like pattern is drawn instead).
"""

import hashlib
import math
import random
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

try:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_H
except ImportError:  # the sample QR then becomes a QR-like pattern
    qrcode = None

W, H = 480, 640          # final portrait size (3:4)
S = 2                    # drawn at twice the size, then downscaled for smooth edges
JPEG_QUALITY = 80
QR_TEXT = "示例微信二维码 (sample)"
QR_SIZE = 400

BACKGROUNDS = [
    (214, 228, 240), (222, 234, 226), (238, 230, 214), (230, 224, 238),
    (226, 232, 236), (240, 226, 222), (218, 236, 236), (234, 234, 220),
]
CLOTHES = [
    (36, 52, 88), (52, 56, 64), (40, 78, 72), (110, 40, 52),
    (150, 118, 84), (70, 90, 130), (96, 70, 110), (60, 100, 80),
]
SKIN = [
    (247, 214, 186), (240, 200, 166), (228, 184, 148), (214, 168, 130), (250, 222, 198),
]
HAIR = [(28, 24, 24), (46, 34, 28), (66, 46, 34), (36, 30, 30)]
GREY_HAIR = [(150, 146, 142), (182, 178, 172), (120, 116, 112)]
TIES = [(150, 30, 40), (30, 60, 120), (90, 90, 96), (130, 100, 40)]

MALE_STYLES = ["crop", "side_part", "short_receding", "brushed_up"]
FEMALE_STYLES = ["bob", "long", "bun", "short_curly"]


def rng_for(ident):
    seed = int.from_bytes(hashlib.sha256(ident.encode("utf-8")).digest()[:8], "big")
    return random.Random(seed)


def shade(color, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in color)


def s(*values):
    """Scales coordinates from the 480x640 design grid to the drawing canvas."""
    return [v * S for v in values]


def gender_of(record):
    g = str(record.get("gender", "")).lower()
    if g.startswith("female") or "女" in g:
        return "female"
    if g.startswith("male") or "男" in g:
        return "male"
    return None


def draw_portrait(ident, record):
    r = rng_for(ident)
    gender = gender_of(record) or r.choice(["male", "female"])
    bg = r.choice(BACKGROUNDS)
    clothes = r.choice(CLOTHES)
    skin = r.choice(SKIN)
    grey = r.random() < 0.25 or "退休" in str(record.get("occupation", ""))
    hair = r.choice(GREY_HAIR) if grey else r.choice(HAIR)
    style = r.choice(FEMALE_STYLES if gender == "female" else MALE_STYLES)
    glasses = r.random() < 0.35
    tie = gender == "male" and r.random() < 0.6

    img = Image.new("RGB", (W * S, H * S), bg)
    d = ImageDraw.Draw(img)

    # A soft halo behind the head.
    d.ellipse(s(60, 80, 420, 440), fill=shade(bg, 1.04))

    cx = 240
    head = (cx - 92, 170, cx + 92, 400)    # head box in the design grid

    # Long hair falls behind the shoulders, so it is drawn first.
    if style == "long":
        d.rounded_rectangle(s(cx - 122, 150, cx + 122, 520), radius=110 * S, fill=hair)
    elif style == "bob":
        d.rounded_rectangle(s(cx - 116, 150, cx + 116, 420), radius=100 * S, fill=hair)

    # Shoulders and clothes.
    d.ellipse(s(40, 470, 440, 900), fill=clothes)
    d.rectangle(s(40, 690, 440, 640 + 60), fill=clothes)
    # Neck.
    d.rounded_rectangle(s(cx - 38, 350, cx + 38, 480), radius=18 * S, fill=shade(skin, 0.9))
    d.polygon(s(cx - 38, 455, cx + 38, 455, cx, 500), fill=shade(skin, 0.9))

    if gender == "male":
        # Shirt collar, lapels and (sometimes) a tie.
        d.polygon(s(cx - 60, 462, cx, 540, cx + 60, 462, cx + 40, 452, cx, 505, cx - 40, 452),
                  fill=(246, 246, 244))
        d.polygon(s(cx - 40, 500, cx, 640, cx + 40, 500, cx, 530), fill=(246, 246, 244))
        if tie:
            t = r.choice(TIES)
            d.polygon(s(cx - 12, 506, cx + 12, 506, cx + 7, 522, cx - 7, 522), fill=t)
            d.polygon(s(cx - 7, 522, cx + 7, 522, cx + 18, 610, cx, 630, cx - 18, 610), fill=t)
        d.line(s(cx - 70, 470, cx - 18, 600), fill=shade(clothes, 0.75), width=5 * S)
        d.line(s(cx + 70, 470, cx + 18, 600), fill=shade(clothes, 0.75), width=5 * S)
    else:
        # A rounded neckline, and a small collar on some.
        d.ellipse(s(cx - 52, 440, cx + 52, 520), fill=shade(skin, 0.9))
        if r.random() < 0.5:
            d.polygon(s(cx - 62, 462, cx - 8, 512, cx - 30, 530, cx - 80, 478), fill=(246, 244, 240))
            d.polygon(s(cx + 62, 462, cx + 8, 512, cx + 30, 530, cx + 80, 478), fill=(246, 244, 240))
        else:
            d.arc(s(cx - 56, 436, cx + 56, 526), 0, 180, fill=shade(clothes, 1.4), width=6 * S)

    # Ears and head.
    d.ellipse(s(cx - 106, 268, cx - 78, 322), fill=shade(skin, 0.93))
    d.ellipse(s(cx + 78, 268, cx + 106, 322), fill=shade(skin, 0.93))
    d.ellipse(s(*head), fill=skin)

    draw_hair(d, r, style, hair, skin, cx)

    # Face: brows, eyes, nose, smile, cheeks.
    eye_y = 290
    brow = shade(hair, 0.9) if not grey else (110, 104, 100)
    for side in (-1, 1):
        ex = cx + side * 38
        d.arc(s(ex - 20, eye_y - 34, ex + 20, eye_y - 10), 200, 340, fill=brow, width=4 * S)
        d.ellipse(s(ex - 7, eye_y - 8, ex + 7, eye_y + 8), fill=(40, 34, 34))
        d.ellipse(s(ex + 1, eye_y - 5, ex + 4, eye_y - 2), fill=(255, 255, 255))
        d.ellipse(s(ex - 16 + side * 6, eye_y + 40, ex + 14 + side * 6, eye_y + 58),
                  fill=shade(skin, 0.95))
    d.arc(s(cx - 10, eye_y + 14, cx + 10, eye_y + 44), 20, 160, fill=shade(skin, 0.75), width=3 * S)
    d.arc(s(cx - 30, eye_y + 42, cx + 30, eye_y + 76), 20, 160, fill=(170, 80, 80), width=4 * S)

    if glasses:
        frame = (50, 50, 56)
        for side in (-1, 1):
            ex = cx + side * 38
            d.rounded_rectangle(s(ex - 26, eye_y - 18, ex + 26, eye_y + 18), radius=10 * S,
                                outline=frame, width=3 * S)
        d.line(s(cx - 12, eye_y - 4, cx + 12, eye_y - 4), fill=frame, width=3 * S)

    return img.resize((W, H), Image.LANCZOS)


def draw_hair(d, r, style, hair, skin, cx):
    """Draws the hair as a cap over the head, then the face over it: the face's top
    edge is the hairline, so every style gets a rounded, natural hairline."""
    top = 150
    # (left, top, right, bottom) of the visible face; its top is the hairline.
    face = (cx - 84, 224, cx + 84, 400)
    if style == "crop":
        d.ellipse(s(cx - 97, top + 2, cx + 97, 330), fill=hair)
        face = (cx - 82, 216, cx + 82, 400)
    elif style == "side_part":
        d.ellipse(s(cx - 99, top - 4, cx + 99, 336), fill=hair)
        d.ellipse(s(cx - 70, top - 14, cx + 40, top + 40), fill=hair)   # volume on the part side
        face = (cx - 80, 222, cx + 86, 400)
    elif style == "short_receding":
        d.ellipse(s(cx - 95, top + 12, cx + 95, 320), fill=hair)
        face = (cx - 80, 200, cx + 80, 400)
    elif style == "brushed_up":
        d.ellipse(s(cx - 97, top - 10, cx + 97, 330), fill=hair)
        d.ellipse(s(cx - 76, top - 30, cx + 76, top + 50), fill=hair)
        face = (cx - 82, 214, cx + 82, 400)
    elif style in ("bob", "long"):
        d.ellipse(s(cx - 104, top - 8, cx + 104, 360), fill=hair)
        d.rectangle(s(cx - 104, 250, cx - 70, 350 if style == "bob" else 420), fill=hair)
        d.rectangle(s(cx + 70, 250, cx + 104, 350 if style == "bob" else 420), fill=hair)
        # A side-swept fringe: the face ellipse is shifted so the hairline slopes.
        face = (cx - 78, 236, cx + 82, 400)
    elif style == "bun":
        d.ellipse(s(cx - 48, top - 58, cx + 48, top + 30), fill=hair)
        d.ellipse(s(cx - 98, top - 2, cx + 98, 340), fill=hair)
        face = (cx - 82, 214, cx + 82, 400)
    elif style == "short_curly":
        d.ellipse(s(cx - 100, top - 6, cx + 100, 350), fill=hair)
        # Curls along the upper outline of the cap.
        for i in range(9):
            a = math.pi * (1.05 + i * 0.9 / 8)
            x = cx + 96 * math.cos(a)
            y = (top - 6 + 350) / 2 + 98 * math.sin(a)
            d.ellipse(s(x - 22, y - 22, x + 22, y + 22), fill=hair)
        face = (cx - 82, 230, cx + 82, 400)
    d.ellipse(s(*face), fill=skin)
    # Repaint the lower half of the head so the jaw keeps its shape.
    d.chord(s(cx - 92, 170, cx + 92, 400), 20, 160, fill=skin)


def find_cjk_font(size):
    for path in (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/System/Library/Fonts/PingFang.ttc",
        "C:/Windows/Fonts/msyh.ttc",
    ):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None


def draw_wechat_qr(ident):
    if qrcode is not None:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_H, border=2, box_size=10)
        code.add_data(QR_TEXT)
        code.make(fit=True)
        matrix = code.get_matrix()
    else:
        matrix = fake_matrix(ident)
    n = len(matrix)
    box = QR_SIZE // n
    offset = (QR_SIZE - box * n) // 2
    img = Image.new("RGB", (QR_SIZE, QR_SIZE), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                x0, y0 = offset + x * box, offset + y * box
                d.rectangle((x0, y0, x0 + box - 1, y0 + box - 1), fill=(20, 20, 20))
    # The "示例" badge in the middle (error correction H tolerates it).
    font = find_cjk_font(36)
    label = "示例" if font else "SAMPLE"
    font = font or ImageFont.load_default()
    bw, bh = 104, 60
    x0, y0 = (QR_SIZE - bw) // 2, (QR_SIZE - bh) // 2
    d.rounded_rectangle((x0, y0, x0 + bw, y0 + bh), radius=10, fill=(255, 255, 255),
                        outline=(196, 30, 40), width=4)
    d.text((QR_SIZE // 2, QR_SIZE // 2), label, fill=(196, 30, 40), font=font, anchor="mm")
    return img


def fake_matrix(ident):
    """A QR-looking pattern (finder squares and random modules) that encodes nothing."""
    r = rng_for(ident)
    n = 29
    m = [[r.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for ox, oy in ((2, 2), (n - 9, 2), (2, n - 9)):
        for y in range(7):
            for x in range(7):
                ring = max(abs(x - 3), abs(y - 3))
                m[oy + y][ox + x] = ring != 2
    for i in range(n):  # quiet zone
        for j in (0, 1, n - 2, n - 1):
            m[i][j] = m[j][i] = False
    return m


def save(img, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".png":
        img.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    else:
        img.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False)
    print(f"{path}  {path.stat().st_size // 1024} KB")


def main():
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "content"
    for rec_path in sorted((content / "representatives").glob("*.yaml")):
        ident = rec_path.stem
        record = yaml.safe_load(rec_path.read_text(encoding="utf-8-sig")) or {}
        photo = record.get("photo")
        if photo and photo.startswith("media/photos/"):
            save(draw_portrait(ident, record), content / photo)
        qr = record.get("wechat_qr")
        if qr and qr.startswith("media/wechat/"):
            save(draw_wechat_qr(ident), content / qr)


if __name__ == "__main__":
    main()
