/**
 * Catalog mcpUrls may be templates: https://{subdomain}.zendesk.com/api/mcp. A placeholder stands for
 * exactly one host label or one path segment, filled from a configuration of the same name.
 */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const TEMPLATE = /^(https?):\/\/([^/?#]+)([^?#]*)$/i;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export const hasPlaceholders = (template: string) => /\{[A-Za-z_][A-Za-z0-9_]*\}/.test(template);

export type FilledUrl = { url: string; unfilled: [] } | { url: null; unfilled: string[] };

/** The template with every placeholder filled, or the names that are missing or cannot stand there. */
export function fillMcpUrl(template: string, values: Record<string, unknown> | null | undefined): FilledUrl {
  const parts = TEMPLATE.exec(template);
  if (!parts) return { url: template, unfilled: [] };
  const unfilled: string[] = [];
  const fill = (text: string, inHost: boolean) =>
    text.replace(PLACEHOLDER, (_m, name: string) => {
      const v = values?.[name];
      const s = typeof v === "string" || typeof v === "number" ? String(v) : "";
      if (inHost ? !HOST_LABEL.test(s) : !s) {
        unfilled.push(name);
        return `{${name}}`;
      }
      return inHost ? s.toLowerCase() : encodeURIComponent(s);
    });
  const url = `${parts[1]}://${fill(parts[2], true)}${fill(parts[3], false)}`;
  return unfilled.length ? { url: null, unfilled } : { url, unfilled: [] };
}

const stripSlash = (path: string) => path.replace(/\/+$/, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function templateRegex(text: string, slot: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    source += escape(text.slice(last, m.index)) + `(${slot})`;
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  return { re: new RegExp(`^${source}${escape(text.slice(last))}$`), names };
}

/**
 * Whether `url` is the template's URL: same scheme, host and path (a trailing slash aside; query and
 * fragment ignored). Returns the placeholders' values, or null when it does not match.
 */
export function matchMcpUrl(template: string, url: URL): Record<string, string> | null {
  const parts = TEMPLATE.exec(template);
  if (!parts || url.protocol !== `${parts[1].toLowerCase()}:`) return null;
  const values: Record<string, string> = {};
  const pieces: [string, string, string][] = [
    [parts[2].toLowerCase(), url.host, "[^.:/]+"],
    [stripSlash(parts[3]), stripSlash(url.pathname), "[^/]+"],
  ];
  for (const [text, actual, slot] of pieces) {
    const { re, names } = templateRegex(text, slot);
    const m = re.exec(actual);
    if (!m) return null;
    for (const [i, name] of names.entries()) {
      try {
        values[name] = decodeURIComponent(m[i + 1]);
      } catch {
        return null;
      }
    }
  }
  return values;
}
