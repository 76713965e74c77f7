#!/usr/bin/env python3
"""Writes the Word documents the `portal import case` tests read: run it from this folder.

Needs python-docx and Pillow (PyPI) and LibreOffice Writer (Debian's libreoffice-writer), so
the documents are what real programs write, not XML made by hand:

python-docx.docx          python-docx: a Title paragraph, Heading 1/2, bold and italic runs,
                          bulleted and numbered lists (List Bullet 2 nested), a table with a
                          merged cell, a link, a footnote, a JPEG carrying EXIF GPS with a
                          description, and a comment
libreoffice.docx          LibreOffice converting a flat ODF text (.fodt) written below: the
                          same pieces, the title as the document's title property
libreoffice-extras.docx   LibreOffice: a text box, an equation and a two-paragraph table cell
libreoffice-tracked.docx  LibreOffice: a tracked insertion and a tracked deletion
libreoffice.doc, libreoffice.odt   the first one saved as old Word and as OpenDocument
not-a-document.docx       a zip of a text file
"""
import base64
import io
import os
import shutil
import subprocess
import tempfile
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def photo():
    """A 1200 x 900 JPEG carrying a GPS position, as a phone takes it."""
    image = Image.new("RGB", (1200, 900), (180, 40, 40))
    for x in range(0, 1200, 60):
        for y in range(0, 900, 60):
            if (x + y) // 60 % 2:
                image.paste((240, 200, 60), (x, y, x + 30, y + 30))
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x0132] = "2026:03:08 09:30:00"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (30.0, 15.0, 36.0)
    gps[3] = "E"
    gps[4] = (120.0, 9.0, 18.0)
    data = io.BytesIO()
    image.save(data, "JPEG", quality=80, exif=exif)
    return data.getvalue()


# MARK: python-docx

def add_link(paragraph, text, url):
    relation = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{relation}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:hyperlink>")
    paragraph._p.append(link)


def add_footnote(document, paragraph, text):
    """python-docx has no footnotes: the part is added as Word writes it."""
    part = document.part
    xml = (
        f'<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>")
    footnotes = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"), part.package)
    part.relate_to(footnotes, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>'))


def python_docx(jpeg):
    document = docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("东湖区水产市场：党群服务中心让红色引擎转起来", style="Title")
    document.add_heading("基本情况", level=1)
    intro = document.add_paragraph("东湖区水产批发市场有经营户 326 户，")
    intro.add_run("党员经营户 41 户").bold = True
    intro.add_run("，其中")
    intro.add_run("流动党员").italic = True
    intro.add_run(" 9 名。")
    add_footnote(document, intro, "数据截至 2025 年底。")
    document.add_heading("主要做法", level=1)
    document.add_heading("一是建强阵地", level=2)
    document.add_paragraph("按照“六有”标准建设党群服务中心：", style="List Bullet")
    document.add_paragraph("有场所、有设施", style="List Bullet 2")
    document.add_paragraph("有标志、有党旗", style="List Bullet 2")
    document.add_paragraph("亮身份、亮职责、亮承诺。", style="List Bullet")
    document.add_heading("二是服务经营户", level=2)
    document.add_paragraph("每月开展一次政策宣讲；", style="List Number")
    document.add_paragraph("每季度评选诚信经营户。", style="List Number")
    linked = document.add_paragraph("详见")
    add_link(linked, "市场监管总局的通知", "https://www.samr.gov.cn/")
    linked.add_run("。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate([["指标", "2024年", "2025年"], ["投诉（件）", "418", "203"], ["调解率", "61%|62%", ""]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    table.cell(2, 1).merge(table.cell(2, 2))
    picture = document.add_paragraph()
    picture.add_run().add_picture(io.BytesIO(jpeg), width=Cm(8))
    properties = picture._p.xpath(".//wp:docPr")[0]
    properties.set("descr", "党群服务中心外景")
    document.add_paragraph("图为党群服务中心。", style="Caption")
    document.add_heading("工作成效", level=1)
    commented = document.add_paragraph("市场投诉量下降一半。")
    document.add_comment(commented.runs, text="数字请再核对", author="王建华", initials="WJH")
    document.save("python-docx.docx")


# MARK: LibreOffice

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:math="http://www.w3.org/1998/Math/MathML"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title></office:meta>
<office:styles>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
 </text:list-style>
 <text:list-style style:name="Numbers">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic"/></style:style>
</office:automatic-styles>
<office:body><office:text>
"""

FODT_TAIL = "</office:text></office:body></office:document>\n"


def libreoffice_main(jpeg):
    image = base64.b64encode(jpeg).decode("ascii")
    return FODT_HEAD.format(title="西津区古街：诚信经营户挂牌亮诺") + f"""
<text:h text:style-name="Heading_20_1" text:outline-level="1">基本情况</text:h>
<text:p>古街有个体工商户 <text:span text:style-name="Bold">210 户</text:span>，<text:span text:style-name="Italic">小微企业</text:span> 35 家。<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>据 2025 年普查。</text:p></text:note-body></text:note></text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">主要做法</text:h>
<text:h text:style-name="Heading_20_2" text:outline-level="2">挂牌亮诺</text:h>
<text:list text:style-name="Bullets">
 <text:list-item><text:p>党员经营户统一挂牌</text:p>
  <text:list><text:list-item><text:p>亮身份</text:p></text:list-item><text:list-item><text:p>亮承诺</text:p></text:list-item></text:list>
 </text:list-item>
 <text:list-item><text:p>每月公示一次</text:p></text:list-item>
</text:list>
<text:list text:style-name="Numbers">
 <text:list-item><text:p>摸底登记</text:p></text:list-item>
 <text:list-item><text:p>集中挂牌</text:p></text:list-item>
</text:list>
<text:p>参见<text:a xlink:type="simple" xlink:href="https://www.gov.cn/zhengce/">中国政府网政策栏目</text:a>。</text:p>
<table:table table:name="对比">
 <table:table-column table:number-columns-repeated="2"/>
 <table:table-row><table:table-cell><text:p>项目</text:p></table:table-cell><table:table-cell><text:p>数量</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell><text:p>挂牌户</text:p></table:table-cell><table:table-cell><text:p>120</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><draw:frame draw:name="古街" svg:width="8cm" svg:height="6cm" text:anchor-type="as-char"><draw:image><office:binary-data>{image}</office:binary-data></draw:image><svg:title>古街挂牌</svg:title><svg:desc>古街商户门口的承诺牌</svg:desc></draw:frame></text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">工作成效</text:h>
<text:p>投诉下降三成。</text:p>
""" + FODT_TAIL


def libreoffice_extras():
    return FODT_HEAD.format(title="文本框、公式和批注") + """
<text:p>正文第一段。<office:annotation><dc:creator>李审核</dc:creator><text:p>这里要改</text:p></office:annotation>批注之后。</text:p>
<text:p>二是强化服务<draw:frame draw:name="文本框1" svg:width="6cm" svg:height="2cm" text:anchor-type="paragraph"><draw:text-box><text:p>文本框里的说明文字</text:p></draw:text-box></draw:frame></text:p>
<text:p>面积公式 <draw:frame draw:name="公式1" svg:width="2cm" svg:height="0.6cm" text:anchor-type="as-char"><draw:object><math:math><math:semantics><math:mrow><math:mi>S</math:mi><math:mo>=</math:mo><math:mi>a</math:mi><math:mi>b</math:mi></math:mrow><math:annotation encoding="StarMath 5.0">S = a b</math:annotation></math:semantics></math:math></draw:object></draw:frame> 如上。</text:p>
<table:table table:name="两段">
 <table:table-column table:number-columns-repeated="2"/>
 <table:table-row><table:table-cell><text:p>项目</text:p></table:table-cell><table:table-cell><text:p>说明</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell><text:p>挂牌</text:p></table:table-cell><table:table-cell><text:p>第一段</text:p><text:p>第二段</text:p></table:table-cell></table:table-row>
</table:table>
""" + FODT_TAIL


def libreoffice_tracked():
    return FODT_HEAD.replace("<office:body><office:text>", """<office:body><office:text>
<text:tracked-changes>
 <text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>王建华</dc:creator><dc:date>2026-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
 <text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>王建华</dc:creator><dc:date>2026-03-01T10:01:00</dc:date></office:change-info><text:p>三十余次</text:p></text:deletion></text:changed-region>
</text:tracked-changes>""").format(title="修订未处理的稿件") + """
<text:p>全年开展宣讲<text:change-start text:change-id="ct1"/>二十次<text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/>，覆盖经营户。</text:p>
""" + FODT_TAIL


def convert(folder, name, text, target="docx:MS Word 2007 XML"):
    source = os.path.join(folder, name + ".fodt")
    with open(source, "w", encoding="utf-8") as file:
        file.write(text)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", target,
         "--outdir", folder, source], check=True, capture_output=True)
    extension = target.split(":")[0]
    return os.path.join(folder, f"{name}.{extension}")


def libreoffice(jpeg):
    folder = tempfile.mkdtemp()
    try:
        shutil.copy(convert(folder, "libreoffice", libreoffice_main(jpeg)), "libreoffice.docx")
        shutil.copy(convert(folder, "libreoffice", libreoffice_main(jpeg), "doc:MS Word 97"), "libreoffice.doc")
        shutil.copy(convert(folder, "libreoffice", libreoffice_main(jpeg), "odt"), "libreoffice.odt")
        shutil.copy(convert(folder, "libreoffice-extras", libreoffice_extras()), "libreoffice-extras.docx")
        shutil.copy(convert(folder, "libreoffice-tracked", libreoffice_tracked()), "libreoffice-tracked.docx")
    finally:
        shutil.rmtree(folder)


def not_a_document():
    with zipfile.ZipFile("not-a-document.docx", "w") as archive:
        archive.writestr("readme.txt", "这不是 Word 文档")


if __name__ == "__main__":
    jpeg = photo()
    python_docx(jpeg)
    libreoffice(jpeg)
    not_a_document()
