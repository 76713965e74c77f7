#!/usr/bin/env python3
"""Writes the spreadsheets the import tests read: run it from this folder (needs openpyxl).

members.xlsx      openpyxl's (inline strings): a date cell, a phone typed as a number, a
                  title row above the headers, a second sheet
sites.xlsx        sites with one column per 六有 item, 是/否
liaison.xlsx      liaison activities: a point by its id and one by its name, a date cell, a date
                  typed as text, a row already in the log
coverage.xlsx     a 两个覆盖 count: a title row, counts as numbers, a 统计截止日 date column,
                  and the clusters on a second sheet, 是/否 for 已建党组织
shared.xlsx       written by hand as Excel and WPS write: shared strings (one in rich-text runs,
                  one with a phonetic guide), prefixed XML names, a stored (not deflated)
                  entry, 1904 dates, a boolean and a formula error
id-number.xlsx    an ID number typed as a number, which Excel keeps only to 15 digits
members-bom.csv   UTF-8 with a byte-order mark and CRLF line ends, as Excel's "CSV UTF-8" saves
members-gb18030.csv  GB18030, as Excel on Chinese Windows saves plain "CSV"
`python3 make_fixtures.py big N` writes big.xlsx with N members instead, for timing.
"""
import datetime
import sys
import zipfile

import openpyxl

HEADERS = ["编号", "姓名", "店铺名称", "所属区", "所属站点", "入党时间", "承诺事项", "联系电话", "备注"]


def members():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "党员经营户"
    sheet.append(["2026年党员经营户名单"])
    sheet.append(HEADERS)
    sheet.append(["m-001", "陈秀英", "秀英水产档", "东湖区", "site-01", 2008,
                  "亮身份、亮职责、亮承诺：秤准货真，足斤足两。", "13800000001", None])
    sheet.append(["m-002", "黄志刚", "志刚冻品行", "东湖区", "site-01", 1999,
                  "亮身份、亮职责、亮承诺：冷链进货票据齐全，来源可查、去向可追。", "13800000002", None])
    sheet.append([None, "王小明", "小明早餐店", "西津区", "site-02", datetime.date(2019, 7, 1),
                  "诚信经营，童叟无欺。", 13912345678, "2026年新发展"])
    sheet.cell(row=5, column=6).number_format = "yyyy-mm-dd"
    other = book.create_sheet("另一个表")
    other.append(HEADERS)
    other.append(["m-003", "邓美华", "美华虾蟹档", "东湖区", "site-01", 2012, None, None, None])
    book.save("members.xlsx")


def sites():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "示范点"
    sheet.append(["编号", "名称", "类型", "所属区", "类别", "地址", "设立年份", "党组织",
                  "场所", "设施", "标志", "党旗", "书报", "制度"])
    sheet.append(["site-04", "北塘区建材家居市场党支部活动室", "联系点", "北塘区", "专业市场", "北塘区塘西路35号", 2023,
                  "北塘区建材家居市场党支部", "是", "是", "是", "是", "是", "是"])
    sheet.append([None, "云溪区夜市党员先锋岗", "联系点", "云溪区", "个体工商户", "云溪区夜市街1号", 2025,
                  "云溪区夜市党支部", "是", "否", "是", "是", "否", "是"])
    book.save("sites.xlsx")


def liaison():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "履职活动"
    sheet.append(["联系点", "日期", "类型", "摘要", "案例"])
    sheet.append(["site-04", "2026-03-12", "调研", "到市场调研旧城改造期间商户经营情况和党员亮诺落实情况", None])
    sheet.append(["site-08", datetime.date(2026, 4, 9), "党课", "为汽修街党员技师讲“安全生产与诚信维修”党课", None])
    sheet.cell(row=3, column=2).number_format = "yyyy-mm-dd"
    sheet.append(["东湖区电商孵化基地党建联系点", "2026/11/3", "主题党日", "参加基地联合党支部主题党日，交流直播带货合规经验",
                  "donghu-ecommerce-incubator"])
    book.save("liaison.xlsx")


DISTRICTS = ["东湖区", "西津区", "南浦区", "北塘区", "临江区", "云溪区"]


def coverage():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "两个覆盖"
    sheet.append(["2026年12月“小个专”两个覆盖统计表"])
    sheet.append(["区县", "类别", "市场主体户数", "单独建", "联合建", "挂靠建", "有党员的户数", "党员人数", "指导员覆盖", "统计截止日"])
    for index, district in enumerate(DISTRICTS):
        for category, entities, organized, with_members in [("小微企业", 5000, 460, 800), ("个体工商户", 12000, 560, 990),
                                                            ("专业市场", 25, 21, 24)]:
            large = entities > 1000
            entities -= index * 300 if large else 0
            with_members -= index * 20 if large else 0
            standalone = organized // 5
            joint = organized // 2
            affiliated = organized - standalone - joint - index
            instructed = (entities - standalone - joint - affiliated) // 2
            sheet.append([district, category, entities, standalone, joint, affiliated, with_members,
                          with_members * 3 // 2, instructed, datetime.date(2026, 12, 1)])
            sheet.cell(row=sheet.max_row, column=10).number_format = "yyyy-mm-dd"
    clusters = book.create_sheet("集聚区")
    clusters.append(["类型", "名称", "所属区", "党员人数", "已建党组织"])
    clusters.append(["楼宇", "东湖电商孵化大楼", "东湖区", 17, "是"])
    clusters.append(["园区", "临江物流园", "临江区", 6, "否"])
    book.save("coverage.xlsx")


def shared():
    """A workbook as Excel writes it: shared strings; and 1904 dates, a stored part."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/>'
        '<x:sheets><x:sheet name="名单" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
        '<si><t>姓名</t></si><si><r><rPr><b/></rPr><t>入党</t></r><r><t>时间</t></r></si><si><t>林&amp;森</t><rPh sb="0" eb="1"><t>リン</t></rPh></si></sst>',
        "xl/worksheets/data.xml": '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="C3" s="1"><x:v>0</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>",
    }
    with zipfile.ZipFile("shared.xlsx", "w") as archive:
        for name, text in parts.items():
            method = zipfile.ZIP_STORED if name.endswith("data.xml") else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text.encode("utf-8"), compress_type=method)


def id_number():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "姓名", "店铺", "所属区", "所属站点", "入党时间", "身份证号"])
    sheet.append(["m-001", "陈秀英", "秀英水产档", "东湖区", "site-01", 2008, 110105194912310021])
    book.save("id-number.xlsx")


def csv_files():
    rows = [
        "编号,姓名,店铺,所属区,所属站点,入党时间,承诺,联系电话",
        'm-002,黄志刚,志刚冻品行,东湖区,site-01,1999,"亮身份、亮职责、亮承诺：冷链进货，""票证""齐全。",13800000002',
        "m-101,赵红梅,红梅裁缝铺,南浦区,site-03,2003,,139-0000-0101",
    ]
    with open("members-bom.csv", "wb") as file:
        file.write(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    with open("members-gb18030.csv", "wb") as file:
        file.write("\r\n".join(rows).encode("gb18030") + b"\r\n")


def big(count):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("党员经营户")
    sheet.append(HEADERS)
    districts = [("东湖区", "site-01"), ("西津区", "site-02"), ("南浦区", "site-03")]
    for number in range(1, count + 1):
        district, site = districts[number % 3]
        sheet.append([f"m-{number:05d}", f"党员{number}", f"第{number}号店铺", district, site, 1980 + number % 40,
                      "亮身份、亮职责、亮承诺：诚信经营。", f"139{number:08d}", None])
    book.save("big.xlsx")


if __name__ == "__main__":
    if sys.argv[1:2] == ["big"]:
        big(int(sys.argv[2]))
    else:
        members()
        sites()
        liaison()
        coverage()
        shared()
        id_number()
        csv_files()
