/*
 * Stories: the "Top stories" panel, the "2 more from 3 sources" under a result that
 * stands for a story (a click lists the story's other articles beneath it), and the story
 * view in the side panel. Every value goes in as text.
 */

import * as api from './api.js';
import { byId, clear, el, formatDate, numberFormat } from './dom.js';
import { filterOn, openArticle, openPanel } from './article.js';

const TOP_STORIES = 6;

const DAY_MS = 24 * 60 * 60 * 1000;

function counted(count, one, many) {
  return numberFormat.format(count) + ' ' + (count === 1 ? one : many);
}

function storyFacts(story) {
  return counted(story.articleCount, 'article', 'articles') + ' · '
    + counted((story.sources || []).length, 'source', 'sources');
}

/** The largest stories of the last week, or of all time when the week has none. */
export function loadTopStories() {
  const weekAgo = new Date(Date.now() - 7 * DAY_MS).toISOString().substring(0, 10);
  api.stories('sort=size&size=' + TOP_STORIES + '&from=' + weekAgo).then((week) => {
    if ((week.stories || []).length) {
      return { heading: 'Top stories this week', stories: week.stories };
    }
    return api.stories('sort=size&size=' + TOP_STORIES)
      .then((all) => ({ heading: 'Top stories', stories: all.stories || [] }));
  }).then((top) => {
    const list = byId('top-stories');
    clear(list);
    byId('stories-panel').querySelector('h2').textContent = top.heading;
    if (!top.stories.length) {
      list.appendChild(el('li', { className: 'facet-empty', text: 'No stories yet' }));
    }
    top.stories.forEach((story) => {
      list.appendChild(el('li', {}, [el('button', {
        type: 'button', className: 'story', 'data-id': story.id, onclick: () => openStory(story.id)
      }, [
        el('span', { className: 'story-title', text: story.title || '(untitled)' }),
        el('span', { className: 'story-facts', text: storyFacts(story) })
      ])]));
    });
  }).catch(() => {
    byId('stories-panel').hidden = true;
  });
}

/** What a result adds when it stands for a story of several articles; null otherwise. */
export function storyToggle(hit) {
  const story = hit.story;
  if (!story || story.articleCount < 2) {
    return null;
  }
  const list = el('ul', { className: 'story-articles related', hidden: true });
  const button = el('button', {
    type: 'button', className: 'story-toggle', 'aria-expanded': 'false',
    text: numberFormat.format(story.articleCount - 1) + ' more from '
      + counted((story.sources || []).length, 'source', 'sources'),
    onclick: () => toggleStory(story.id, hit.id, button, list)
  });
  return el('div', { className: 'story-more' }, [button, list]);
}

function toggleStory(storyId, shownId, button, list) {
  const open = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', open ? 'false' : 'true');
  list.hidden = open;
  if (open || list.childElementCount) {
    return;
  }
  list.appendChild(el('li', { className: 'muted', text: 'Loading…' }));
  api.story(storyId).then((story) => {
    clear(list);
    (story.articles || []).filter((article) => article.id !== shownId)
      .forEach((article) => list.appendChild(articleItem(article)));
  }).catch((error) => {
    clear(list);
    button.setAttribute('aria-expanded', 'false');
    list.hidden = true;
    button.title = error.status === 404 ? 'The story is not listed yet; try again shortly.' : error.message;
  });
}

function articleItem(article) {
  return el('li', { 'data-id': article.id }, [
    el('button', { type: 'button', text: article.title || '(untitled)', onclick: () => openArticle(article.id) }),
    el('div', { className: 'meta' }, [
      el('span', { className: 'source', text: article.source }),
      el('time', { datetime: article.publishedAt, text: formatDate(article.publishedAt) })
    ])
  ]);
}

/** The story view: its facts, entities, topics and articles, oldest first. */
export function openStory(id) {
  const body = openPanel();
  api.story(id).then((story) => {
    clear(body);
    byId('article').scrollTop = 0;
    const first = formatDate(story.firstSeenAt);
    const last = formatDate(story.lastSeenAt);
    body.appendChild(el('div', { className: 'meta' }, [
      el('span', { className: 'source', text: 'Story' }),
      el('span', { text: storyFacts(story) }),
      el('span', { text: first === last ? first : first + ' – ' + last })
    ]));
    body.appendChild(el('h1', { id: 'story-title', text: story.title || '(untitled)' }));
    body.appendChild(el('p', { className: 'muted', text: 'Sources: ' + (story.sources || []).join(', ') }));
    const chips = el('div', { className: 'result-tags' });
    (story.entities || []).forEach((entity) => {
      chips.appendChild(el('button', {
        type: 'button', className: 'badge entity-link ' + entity.type, text: entity.name,
        onclick: () => filterOn('entity', entity.name)
      }));
    });
    (story.tags || []).forEach((tag) => {
      chips.appendChild(el('button', { type: 'button', className: 'badge entity-link tag', text: tag, onclick: () => filterOn('tag', tag) }));
    });
    body.appendChild(chips);
    body.appendChild(el('h3', { text: 'Articles' }));
    const list = el('ul', { className: 'related', id: 'story-articles' });
    (story.articles || []).forEach((article) => list.appendChild(articleItem(article)));
    body.appendChild(list);
  }).catch((error) => {
    clear(body);
    body.appendChild(el('div', { className: 'message', text: error.message }));
  });
}
