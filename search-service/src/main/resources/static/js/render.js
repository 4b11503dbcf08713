/*
 * The answer of a search on the page: the count, the result list with highlights, the
 * pager and messages. The timeline has a module of its own.
 */

import { byId, clear, el, formatDate, highlighted, httpUrl, languageName, numberFormat } from './dom.js';
import { PAGE_SIZE, paging } from './state.js';
import { filterOn, openArticle } from './article.js';
import { storyToggle } from './stories.js';

export function showMessage(text, info) {
  const message = byId('message');
  message.textContent = text;
  message.className = info ? 'message info' : 'message';
  message.hidden = false;
}

export function hideMessage() {
  byId('message').hidden = true;
}

export function renderSummary(total, grouped) {
  const summary = byId('summary');
  clear(summary);
  if (total === 0) {
    summary.appendChild(document.createTextNode('No articles match.'));
    showMessage('No articles match this search. Try fewer words or remove a filter.', true);
    return;
  }
  const first = paging.page * PAGE_SIZE + 1;
  const last = Math.min(total, (paging.page + 1) * PAGE_SIZE);
  summary.appendChild(el('strong', { text: numberFormat.format(total) }));
  const noun = grouped ? ' stor' + (total === 1 ? 'y' : 'ies') : ' article' + (total === 1 ? '' : 's');
  summary.appendChild(document.createTextNode(noun));
  if (total > PAGE_SIZE) {
    summary.appendChild(document.createTextNode(' · showing ' + first + '–' + last));
  }
}

export function renderResults(hits) {
  const list = byId('results');
  clear(list);
  hits.forEach((hit) => {
    list.appendChild(el('li', { className: 'result', 'data-id': hit.id },
      [resultTitle(hit), resultMeta(hit)].concat(snippets(hit), [resultTags(hit), storyToggle(hit)])));
  });
}

function resultTitle(hit) {
  const title = el('button', { type: 'button', className: 'result-title', onclick: () => openArticle(hit.id) });
  const titleMarks = hit.highlights && hit.highlights.title && hit.highlights.title.length;
  title.appendChild(titleMarks ? highlighted(hit.highlights.title[0]) : document.createTextNode(hit.title || '(untitled)'));
  return title;
}

function resultMeta(hit) {
  return el('div', { className: 'meta' }, [
    el('span', { className: 'source', text: hit.source }),
    hit.author ? el('span', { text: hit.author }) : null,
    el('time', { datetime: hit.publishedAt, text: formatDate(hit.publishedAt) }),
    hit.language ? el('span', { text: languageName(hit.language) }) : null,
    httpUrl(hit.url) ? el('a', { href: httpUrl(hit.url), target: '_blank', rel: 'noopener noreferrer', text: 'Original ↗' }) : null
  ]);
}

function snippets(hit) {
  const fragments = (hit.highlights && hit.highlights.text) || [];
  if (fragments.length) {
    const snippet = el('p', { className: 'snippet' });
    fragments.slice(0, 2).forEach((fragment, index) => {
      if (index > 0) {
        snippet.appendChild(document.createTextNode(' … '));
      }
      snippet.appendChild(highlighted(fragment));
    });
    snippet.appendChild(document.createTextNode(' …'));
    return [snippet];
  }
  return hit.summary ? [el('p', { className: 'snippet', text: hit.summary })] : [];
}

function resultTags(hit) {
  const chips = el('div', { className: 'result-tags' });
  (hit.entities || []).slice(0, 5).forEach((entity) => {
    chips.appendChild(el('button', {
      type: 'button', className: 'badge entity-link ' + entity.type, title: 'Filter on ' + entity.name,
      text: entity.name, onclick: () => filterOn('entity', entity.name)
    }));
  });
  (hit.tags || []).slice(0, 3).forEach((tag) => {
    chips.appendChild(el('button', {
      type: 'button', className: 'badge entity-link tag', title: 'Filter on topic ' + tag,
      text: tag, onclick: () => filterOn('tag', tag)
    }));
  });
  return chips;
}

export function renderPager(total) {
  document.querySelector('.pager').hidden = paging.page === 0 && !paging.cursors[paging.page + 1];
  byId('prev').disabled = paging.page === 0;
  byId('next').disabled = !paging.cursors[paging.page + 1];
  const pages = Math.ceil(total / PAGE_SIZE);
  byId('page').textContent = pages > 1 ? 'Page ' + (paging.page + 1) + ' of ' + pages : '';
}
