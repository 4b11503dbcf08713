/*
 * Suggestions under the search box: entities become filters, headlines become phrase
 * searches; arrow keys and Enter choose.
 */

import * as api from './api.js';
import { TYPE_LABELS, byId, clear, el } from './dom.js';
import { newSearch, state, syncControls } from './state.js';

let suggestTimer = null;
let suggestRequest = 0;
let suggestions = [];
let selected = -1;

export function hideSuggestions() {
  window.clearTimeout(suggestTimer);
  byId('suggestions').hidden = true;
  byId('q').setAttribute('aria-expanded', 'false');
  suggestions = [];
  selected = -1;
  suggestRequest++;
}

function renderSuggestions() {
  const list = byId('suggestions');
  clear(list);
  if (!suggestions.length) {
    hideSuggestions();
    return;
  }
  suggestions.forEach((suggestion, index) => {
    list.appendChild(el('li', {
      role: 'option', 'aria-selected': index === selected ? 'true' : 'false', 'data-type': suggestion.type,
      onmousedown: (event) => {
        event.preventDefault();
        choose(suggestion);
      }
    }, [
      el('span', { className: 'text', text: suggestion.text }),
      el('span', { className: 'badge ' + suggestion.type, text: TYPE_LABELS[suggestion.type] || suggestion.type })
    ]));
  });
  list.hidden = false;
  byId('q').setAttribute('aria-expanded', 'true');
}

function suggest(prefix) {
  const request = ++suggestRequest;
  api.suggest(prefix).then((answer) => {
    if (request !== suggestRequest || byId('q').value.trim() !== prefix) {
      return;
    }
    suggestions = answer.suggestions || [];
    selected = -1;
    renderSuggestions();
  }).catch(() => {
    hideSuggestions();
  });
}

function choose(suggestion) {
  hideSuggestions();
  if (suggestion.type === 'TITLE') {
    state.q = '"' + suggestion.text.replace(/"/g, '') + '"';
  } else {
    state.q = '';
    if (state.entity.indexOf(suggestion.text) < 0) {
      state.entity.push(suggestion.text);
    }
  }
  syncControls();
  newSearch();
}

/** Takes the suggestion chosen with the arrow keys, if there is one. */
export function chooseSelected() {
  if (selected >= 0 && suggestions[selected]) {
    choose(suggestions[selected]);
    return true;
  }
  return false;
}

function move(event) {
  if (byId('suggestions').hidden) {
    return;
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    selected = (selected + step + suggestions.length + 1) % (suggestions.length + 1);
    if (selected === suggestions.length) {
      selected = -1;
    }
    renderSuggestions();
  } else if (event.key === 'Escape') {
    hideSuggestions();
  }
}

export function initSuggestions() {
  const box = byId('q');
  box.addEventListener('input', () => {
    const prefix = box.value.trim();
    window.clearTimeout(suggestTimer);
    if (prefix.length < 2 || prefix.length > 100) {
      hideSuggestions();
      return;
    }
    suggestTimer = window.setTimeout(() => suggest(prefix), 150);
  });
  box.addEventListener('keydown', move);
  box.addEventListener('blur', () => window.setTimeout(hideSuggestions, 100));
}
