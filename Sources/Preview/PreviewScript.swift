import Core
import Foundation

/// The script the preview adds to every page it serves (and only there: built pages never
/// carry it). It keeps a WebSocket open to the preview server, reloads the page when a build
/// changed the site, and shows a build's errors over the page until they are put right.
public enum PreviewScript {
    /// Where the preview serves the script, and where pages connect for news of builds.
    public static let scriptPath = "/__portal/preview.js"
    public static let socketPath = "/__portal/live"

    /// `page` with the script's tag put before `</body>`; `generation` is the build the page
    /// comes from, so a page older than the site reloads when it connects.
    public static func injected(into page: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array(#"<script src="\#(scriptPath)" data-generation="\#(generation)" defer></script>"#.utf8)
        let end = Array("</body>".utf8)
        var index = page.count - end.count
        while index >= 0 {
            if page[index] == end[0] && page[index..<index + end.count].elementsEqual(end) {
                return Array(page[..<index]) + tag + Array(page[index...])
            }
            index -= 1
        }
        return page + tag
    }

    /// The page served while no build has passed yet: the problems, and the script that
    /// reloads it once they are put right.
    public static func problemsPage(_ problems: [Diagnostic]) -> [UInt8] {
        let items = problems.map { "<pre>\(MarkupText.escaped($0.description))</pre>" }.joined(separator: "\n")
        let page = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>构建失败 · 预览</title></head>
            <body>
            <h1>构建失败</h1>
            <p>改正下面的问题并保存，页面会自动刷新。</p>
            \(items)
            </body>
            </html>
            """
        return injected(into: Array(page.utf8), generation: 0)
    }

    /// The text of a message to the pages.
    public static func message(for event: PreviewEvent) -> String {
        let message: Message
        switch event {
        case .reload(let generation): message = Message(type: "reload", generation: generation, problems: [])
        case .failed(let problems): message = Message(type: "failed", generation: nil, problems: problems.map(Problem.init))
        case .status(let generation, let problems):
            message = Message(type: "status", generation: generation, problems: problems.map(Problem.init))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(message)) ?? Data(), as: UTF8.self)
    }

    struct Message: Codable {
        var type: String
        var generation: Int?
        var problems: [Problem]
    }

    struct Problem: Codable {
        /// `path:line:col`, as the terminal shows it.
        var location: String
        var severity: String
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            location = diagnostic.location.description
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    /// The script itself.
    public static let source = #"""
        (function () {
          "use strict";
          var script = document.currentScript;
          var generation = Number(script.getAttribute("data-generation")) || 0;
          var panel = null;

          function show(problems) {
            if (!panel) {
              panel = document.createElement("section");
              panel.id = "portal-preview-problems";
              panel.setAttribute("role", "alert");
              panel.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
                "margin:0;padding:1rem 1.25rem;background:#fff5f5;color:#1a1a1a;border-top:4px solid #b00020;" +
                "box-shadow:0 -4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif";
              document.body.appendChild(panel);
            }
            panel.textContent = "";
            var heading = document.createElement("h2");
            heading.style.cssText = "margin:0 0 .5rem;font-size:1.1rem;color:#b00020";
            heading.textContent = "构建失败：改正后保存，页面会自动刷新（现在显示的仍是上次成功构建的页面）";
            panel.appendChild(heading);
            problems.forEach(function (problem) {
              var item = document.createElement("pre");
              item.style.cssText = "margin:.5rem 0;white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace";
              var where = document.createElement("strong");
              where.textContent = problem.location;
              item.appendChild(where);
              item.appendChild(document.createTextNode(": " + problem.severity + ": " + problem.message +
                (problem.hint ? "\n  hint: " + problem.hint : "")));
              panel.appendChild(item);
            });
          }

          function hide() {
            if (panel) { panel.remove(); panel = null; }
          }

          function connect() {
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            var socket = new WebSocket(scheme + location.host + "/__portal/live");
            socket.onmessage = function (event) {
              var message = JSON.parse(event.data);
              if (message.problems.length > 0) { show(message.problems); return; }
              if (message.generation > generation) { location.reload(); return; }
              hide();
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }

          connect();
        })();
        """#
}
