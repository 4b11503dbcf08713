/*
 * The entities rising today (or this week, when nothing rose today); a click filters on
 * one.
 */

import * as api from './api.js';
import { byId, clear, el } from './dom.js';
import { filterOn } from './article.js';

export function loadTrends() {
  api.trends('P1D').then((answer) => {
    if ((answer.entities || []).length) {
      return { heading: 'Rising today', entities: answer.entities };
    }
    return api.trends('P7D').then((week) => ({ heading: 'Rising this week', entities: week.entities || [] }));
  }).then((trends) => {
    const list = byId('trends');
    clear(list);
    byId('trends-panel').querySelector('h2').textContent = trends.heading;
    if (!trends.entities.length) {
      list.appendChild(el('li', { className: 'facet-empty', text: 'Nothing rising yet' }));
    }
    trends.entities.forEach((entity) => {
      list.appendChild(el('li', {}, [el('button', {
        type: 'button', className: 'trend', onclick: () => filterOn('entity', entity.name),
        title: entity.count + ' articles, ' + entity.previousCount + ' before'
      }, [
        el('span', { className: 'dot ' + entity.type }),
        el('span', { className: 'label', text: entity.name }),
        el('span', { className: 'rise', text: '+' + (entity.count - entity.previousCount) })
      ])]));
    });
  }).catch(() => {
    byId('trends-panel').hidden = true;
  });
}
