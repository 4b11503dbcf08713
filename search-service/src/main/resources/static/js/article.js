/*
 * The article view: summary, tags, keywords, entities with their salience, related
 * articles and the full text, in a panel over the results.
 */

import * as api from './api.js';
import { TYPE_LABELS, byId, clear, el, formatDate, httpUrl, languageName } from './dom.js';
import { addFilter } from './state.js';

/** Opens the side panel with a loading note; the caller fills it. */
export function openPanel() {
  const panel = byId('article');
  const body = byId('article-body');
  clear(body);
  body.appendChild(el('p', { className: 'muted', text: 'Loading…' }));
  panel.classList.add('open');
  panel.setAttribute('aria-hidden', 'false');
  byId('overlay').hidden = false;
  return body;
}

export function openArticle(id) {
  const body = openPanel();
  Promise.all([
    api.article(id),
    api.related(id).catch(() => ({ hits: [] }))
  ]).then(([article, related]) => {
    renderArticle(article, related.hits || []);
  }).catch((error) => {
    clear(body);
    body.appendChild(el('div', { className: 'message', text: error.message }));
  });
}

export function closeArticle() {
  byId('article').classList.remove('open');
  byId('article').setAttribute('aria-hidden', 'true');
  byId('overlay').hidden = true;
}

/** Filters the results on a value, leaving the article view for them. */
export function filterOn(parameter, value) {
  closeArticle();
  addFilter(parameter, value);
}

function renderArticle(article, related) {
  const body = byId('article-body');
  clear(body);
  body.scrollTop = 0;
  byId('article').scrollTop = 0;
  body.appendChild(el('div', { className: 'meta' }, [
    el('span', { className: 'source', text: article.source }),
    article.author ? el('span', { text: article.author }) : null,
    el('time', { datetime: article.publishedAt, text: formatDate(article.publishedAt) }),
    article.language ? el('span', { text: languageName(article.language) }) : null,
    article.readingTimeMinutes ? el('span', { text: article.readingTimeMinutes + ' min read' }) : null
  ]));
  body.appendChild(el('h1', { id: 'article-title', text: article.title }));
  if (article.summary) {
    body.appendChild(el('p', { className: 'lede', text: article.summary }));
  }
  body.appendChild(tagsAndKeywords(article));
  if ((article.entities || []).length) {
    body.appendChild(el('h3', { text: 'Entities' }));
    body.appendChild(entityGrid(article.entities));
  }
  body.appendChild(el('h3', { text: 'Related articles' }));
  body.appendChild(relatedList(related));
  body.appendChild(el('h3', { text: 'Full text' }));
  body.appendChild(fullText(article.text));
  if (httpUrl(article.url)) {
    body.appendChild(el('p', {}, [el('a', { href: httpUrl(article.url), target: '_blank', rel: 'noopener noreferrer', text: 'Read at ' + article.source + ' ↗' })]));
  }
}

function tagsAndKeywords(article) {
  const tags = el('div', { className: 'result-tags' });
  (article.tags || []).forEach((tag) => {
    tags.appendChild(el('button', { type: 'button', className: 'badge entity-link tag', text: tag, onclick: () => filterOn('tag', tag) }));
  });
  (article.keywords || []).slice(0, 6).forEach((keyword) => {
    tags.appendChild(el('span', { className: 'badge', text: keyword }));
  });
  return tags;
}

function entityGrid(entities) {
  const grid = el('div', { className: 'entity-grid', id: 'article-entities' });
  entities.forEach((entity) => {
    const salience = Math.round(Math.max(0, Math.min(1, entity.salience || 0)) * 100);
    grid.appendChild(el('button', {
      type: 'button', className: 'entity-card', title: 'Filter on ' + entity.name + ' (' + (entity.mentions || 0) + ' mentions)',
      onclick: () => filterOn('entity', entity.name)
    }, [
      el('span', { className: 'dot ' + entity.type }),
      el('span', { className: 'name', text: entity.name }),
      el('span', { className: 'badge ' + entity.type, text: TYPE_LABELS[entity.type] || entity.type }),
      el('span', { className: 'salience', title: 'Salience ' + salience + '%' }, [salienceBar(salience)])
    ]));
  });
  return grid;
}

/** The bar's width through the CSSOM: the policy refuses style attributes, not this. */
function salienceBar(percent) {
  const bar = el('span', {});
  bar.style.width = percent + '%';
  return bar;
}

function relatedList(related) {
  const list = el('ul', { className: 'related', id: 'article-related' });
  if (!related.length) {
    list.appendChild(el('li', { className: 'muted', text: 'No related articles yet.' }));
  }
  related.forEach((hit) => {
    list.appendChild(el('li', {}, [
      el('button', { type: 'button', text: hit.title, onclick: () => openArticle(hit.id) }),
      el('div', { className: 'meta' }, [
        el('span', { className: 'source', text: hit.source }),
        el('time', { datetime: hit.publishedAt, text: formatDate(hit.publishedAt) })
      ])
    ]));
  });
  return list;
}

function fullText(text) {
  const paragraphs = el('div', { className: 'text' });
  String(text || '').split(/\n+/).forEach((paragraph) => {
    if (paragraph.trim()) {
      paragraphs.appendChild(el('p', { text: paragraph.trim() }));
    }
  });
  return paragraphs;
}
