import type { DocumentResult } from '../model/index.ts';

/** Everything from a report is text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A plain, self-contained overview (no network, opens from file://). The auditors' issue turns this into
 * the full review page; until then it lists every file with its status and findings.
 */
export function reportHtml(documents: readonly DocumentResult[], generatedAt: Date): string {
  const rows = documents
    .map((document) => {
      const findings = document.findings
        .map(
          (finding) =>
            `<li><b>${escapeHtml(finding.severity)}</b> <code>${escapeHtml(finding.rule)}</code> ${escapeHtml(finding.message)}` +
            finding.evidence
              .map(
                (evidence) =>
                  `<blockquote>${escapeHtml(evidence.quote)} <small>(${evidence.location.page ? `trang ${evidence.location.page}, ` : ''}dòng ${evidence.location.line})</small></blockquote>`,
              )
              .join('') +
            '</li>',
        )
        .join('');
      return `<tr><td>${escapeHtml(document.file)}</td><td>${escapeHtml(document.status)}</td><td>${document.figures.length}</td><td><ul>${findings}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>solieu — báo cáo kiểm tra số liệu</title>
<style>body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}blockquote{margin:.2rem 0 .2rem 1rem;color:#444}</style>
</head><body>
<h1>Kết quả kiểm tra số liệu Đề án 06</h1>
<p>Tạo lúc ${escapeHtml(generatedAt.toISOString())} — ${documents.length} tệp.</p>
<table><thead><tr><th>Tệp</th><th>Trạng thái</th><th>Số liệu</th><th>Phát hiện</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
