import Core
import Model
import Mustache
import QRCodes

/// The party-member shops' own pages, and the print pages of the plates (公示牌) and service
/// cards (党员服务卡) whose QR codes lead to them.
extension PageViews {
    /// What a customer sees after scanning a shop's plate: public fields only, as on the list.
    public func member(_ member: Member) -> ViewContext {
        note(.collection(.members))
        let path = Routes.member(member.id)
        let title = "\(member.name) · \(member.shop)"
        var context = layout(
            at: path, title: title, description: member.commitment, section: Routes.members,
            breadcrumbs: [("共产党员经营户", Routes.members)])
        var view = memberView(member, from: path)
        view["district"] = taxon(member.district, Routes.district(member.district), from: path)
        if let site = self.site(id: member.siteID) { view["site"] = siteLink(site, from: path) }
        context["member"] = view
        context["plateHref"] = href(Routes.memberPlate(member.id), from: path)
        return context
    }

    /// A member's plate in A4 and A5 and their service card, one sheet each.
    public func memberPlate(_ member: Member) -> ViewContext {
        note(.collection(.members))
        let path = Routes.memberPlate(member.id)
        var context = plateLayout(at: path, title: "\(member.name) · \(member.shop) 公示牌")
        context["sheets"] = memberSheets(member, from: path, sizes: PlateSize.allCases)
        context["backHref"] = href(Routes.member(member.id), from: path)
        return context
    }

    /// A site's plate in A4 and A5.
    public func sitePlate(_ site: Site) -> ViewContext {
        note(.collection(.sites))
        let path = Routes.sitePlate(site.id)
        var context = plateLayout(at: path, title: "\(site.name) 公示牌")
        context["sheets"] = siteSheets(site, from: path, sizes: [.a4, .a5])
        context["backHref"] = href(Routes.site(site.id), from: path)
        return context
    }

    /// Every plate of a district's members and sites in one size, for `portal plates`: the
    /// document is printed from `path` (its stylesheet is found from there).
    public func districtPlates(_ district: Taxon, size: PlateSize, kinds: Set<PlateKind>, at path: SitePath) -> ViewContext {
        var context = plateLayout(at: path, title: "\(district.name)公示牌（\(size.label)）")
        var sheets: [ViewContext] = []
        if kinds.contains(.sites) {
            for site in portal.sites where site.district == district {
                sheets += siteSheets(site, from: path, sizes: size == .card ? [] : [size])
            }
        }
        if kinds.contains(.members) {
            for member in portal.members where member.district == district {
                sheets += memberSheets(member, from: path, sizes: [size])
            }
        }
        context["sheets"] = sheets
        context["sheetCount"] = sheets.count
        return context
    }

    public enum PlateSize: String, Sendable, CaseIterable {
        case a4, a5, card

        public var label: String {
            switch self {
            case .a4: "A4 公示牌"
            case .a5: "A5 公示牌"
            case .card: "党员服务卡"
            }
        }
    }

    public enum PlateKind: String, Sendable, CaseIterable {
        case members, sites
    }

    private func plateLayout(at path: SitePath, title: String) -> ViewContext {
        let config = portal.config
        return [
            "portal": ["title": config.title, "publisher": config.publisher] as ViewContext,
            "title": title,
            "documentTitle": "\(title) - \(config.title)",
            "stylesheet": Routes.assets.appending("plate.css").fileHref(from: path),
        ]
    }

    private func memberSheets(_ member: Member, from path: SitePath, sizes: [PlateSize]) -> [ViewContext] {
        let page = Routes.member(member.id)
        let site = self.site(id: member.siteID)
        let code = scanCode(of: page, label: "扫码看承诺")
        return sizes.map { size in
            var sheet = sheetBase(size: size, code: code)
            sheet["isMember"] = true
            sheet["heading"] = "共产党员经营户"
            sheet["motto"] = "亮身份 · 亮职责 · 亮承诺"
            sheet["name"] = member.name
            sheet["shop"] = member.shop
            sheet["district"] = member.district.name
            sheet["siteName"] = site?.name
            sheet["joined"] = member.joined
            sheet["commitment"] = member.commitment
            return sheet
        }
    }

    private func siteSheets(_ site: Site, from path: SitePath, sizes: [PlateSize]) -> [ViewContext] {
        let code = scanCode(of: Routes.site(site.id), label: "扫码看阵地")
        return sizes.map { size in
            var sheet = sheetBase(size: size, code: code)
            sheet["isSite"] = true
            sheet["heading"] = site.kind == .demonstration ? "“小个专”党建示范点" : "“小个专”党建联系点"
            sheet["name"] = site.name
            sheet["organization"] = site.organization
            sheet["district"] = site.district.name
            sheet["category"] = site.category.name
            sheet["since"] = site.since
            sheet["liuyou"] = zip(LiuyouChecklist.items, site.liuyou.met).map {
                ["name": "有\($0)", "met": $1] as ViewContext
            }
            return sheet
        }
    }

    /// The QR code of the public page on the portal's canonical address (a plate is read far
    /// from the site it was printed from), encoded once for all the sizes of a page's sheets.
    private func scanCode(of page: SitePath, label: String) -> (address: String, label: String, svg: SafeHTML?) {
        let address = portal.config.baseURL + page.urlPath
        let svg = QRCode(encoding: address).map { SafeHTML($0.svg(points: 160, title: "\(label)：\(address)")) }
        return (address, label, svg)
    }

    /// What every sheet shows: its size, the bureau, and the QR code.
    private func sheetBase(size: PlateSize, code: (address: String, label: String, svg: SafeHTML?)) -> ViewContext {
        var sheet: ViewContext = [
            "size": size.rawValue, "sizeLabel": size.label, "isCard": size == .card,
            "publisher": portal.config.publisher, "address": code.address, "scanLabel": code.label,
        ]
        if let svg = code.svg { sheet["qr"] = svg }
        if let phone = portal.config.footer.phone { sheet["officePhone"] = phone }
        return sheet
    }
}

/// The 复制到公众号 file of each case.
extension PageViews {
    /// A case as a 公众号 article. Beside the site (`mediaBase` nil) its pictures keep their
    /// relative addresses; `portal wechat` passes the canonical page so the file works anywhere.
    public func wechatArticle(_ caseStudy: CaseStudy, mediaBase: String? = nil) -> ViewContext {
        noteShown(caseStudy)
        note(.caseBody(caseStudy.slug))
        let config = portal.config
        let address = config.baseURL + Routes.caseStudy(caseStudy.slug).urlPath
        let article = WeChatArticle(caseStudy, config: config, pageAddress: address, mediaBase: mediaBase)
        return [
            "documentTitle": "\(caseStudy.title)（复制到公众号）",
            "guide": article.guide,
            "article": article.article,
            "pictureCount": article.pictures.count,
        ]
    }
}
