/*
 * DOM helpers and formats. Every value from the API is inserted as text; only the <em>
 * marks of search highlights become elements. Nothing here writes HTML or inline styles:
 * the page runs under a Content-Security-Policy without 'unsafe-inline'.
 */

export const TYPE_LABELS = { PERSON: 'Person', ORGANIZATION: 'Organization', LOCATION: 'Location', TITLE: 'Headline' };

export const numberFormat = new Intl.NumberFormat('en-US');

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const languageNames = (typeof Intl.DisplayNames === 'function')
  ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function byId(id) {
  return document.getElementById(id);
}

export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach((name) => {
    const value = attributes[name];
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'className') {
      node.className = value;
    } else if (name.indexOf('on') === 0) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  (children || []).forEach((child) => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

/** The address as a link target if it is http(s), else null: never a javascript: or data: link. */
export function httpUrl(value) {
  if (!value) {
    return null;
  }
  try {
    const url = new URL(String(value), document.baseURI);
    return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

/** Elasticsearch HTML-encodes highlights; decode the entities back to plain text. */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name) => {
    if (name.charAt(0) === '#') {
      const code = name.charAt(1).toLowerCase() === 'x' ? parseInt(name.substring(2), 16) : parseInt(name.substring(1), 10);
      return (code > 0 && code <= 0x10ffff) ? String.fromCodePoint(code) : match;
    }
    const decoded = ENTITIES[name.toLowerCase()];
    return decoded !== undefined ? decoded : match;
  });
}

/** A highlight as DOM: text nodes, and <em> elements for the marks, nothing else. */
export function highlighted(fragment) {
  const result = document.createDocumentFragment();
  let marked = false;
  String(fragment).split(/(<em>|<\/em>)/).forEach((part) => {
    if (part === '<em>') {
      marked = true;
    } else if (part === '</em>') {
      marked = false;
    } else if (part) {
      const text = decodeEntities(part);
      result.appendChild(marked ? el('em', { text }) : document.createTextNode(text));
    }
  });
  return result;
}

export function formatDate(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return isNaN(date) ? '' : dateFormat.format(date);
}

export function languageName(code) {
  if (!code) {
    return '';
  }
  try {
    return (languageNames && languageNames.of(code)) || code;
  } catch (e) {
    return code;
  }
}
