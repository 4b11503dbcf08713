/*
 * The facet lists (entities, topics, sources, languages), which filter on click, and the
 * active filters as removable chips.
 */

import { TYPE_LABELS, byId, clear, el, languageName, numberFormat } from './dom.js';
import { clearFilters, isActive, setDates, state, toggleFilter } from './state.js';

const FACET_PARAMETERS = { entities: 'entity', tags: 'tag', sources: 'source', languages: 'language' };

function facetLabel(facet, value) {
  return facet === 'languages' ? languageName(value) : value;
}

export function renderFacets(facets) {
  Object.keys(FACET_PARAMETERS).forEach((facet) => {
    const list = byId('facet-' + facet);
    clear(list);
    const values = (facets && facets[facet]) || [];
    if (!values.length) {
      list.appendChild(el('li', { className: 'facet-empty', text: 'None' }));
    }
    values.forEach((value) => list.appendChild(el('li', {}, [facetButton(facet, value)])));
  });
}

function facetButton(facet, value) {
  const parameter = FACET_PARAMETERS[facet];
  const active = isActive(parameter, value.value);
  return el('button', {
    type: 'button', className: 'facet-value' + (active ? ' active' : ''),
    'data-facet': facet, 'data-value': value.value, 'aria-pressed': active ? 'true' : 'false',
    onclick: () => toggleFilter(parameter, value.value)
  }, [
    value.type ? el('span', { className: 'dot ' + value.type, title: TYPE_LABELS[value.type] || value.type }) : null,
    el('span', { className: 'label', text: facetLabel(facet, value.value), title: value.value }),
    el('span', { className: 'count', text: numberFormat.format(value.count) })
  ]);
}

export function renderActiveFilters() {
  const box = byId('active-filters');
  clear(box);
  const chips = [];
  const chip = (label, remove) => {
    chips.push(el('button', { type: 'button', className: 'chip', onclick: remove, title: 'Remove filter' }, [
      label, el('span', { className: 'x', 'aria-hidden': 'true', text: '×' })
    ]));
  };
  state.entity.forEach((v) => chip(v, () => toggleFilter('entity', v)));
  state.tag.forEach((v) => chip('Topic: ' + v, () => toggleFilter('tag', v)));
  state.source.forEach((v) => chip('Source: ' + v, () => toggleFilter('source', v)));
  if (state.language) {
    chip('Language: ' + languageName(state.language), () => toggleFilter('language', state.language));
  }
  if (state.from || state.to) {
    chip('Published ' + (state.from || '…') + ' – ' + (state.to || '…'), () => setDates('', ''));
  }
  chips.forEach((c) => box.appendChild(c));
  if (chips.length > 1) {
    box.appendChild(el('button', { type: 'button', className: 'chip clear', text: 'Clear all', onclick: clearFilters }));
  }
}
