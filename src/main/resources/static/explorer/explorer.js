// The deal network explorer: the view, its panels and the wiring. It talks only to this host:
// the public GraphQL API for what it shows (api.js, with the operations in explorer.graphql), and
// /export/network for CSV and GraphML files of the same view. How the graph looks is in look.js.
//
// The view is defined by what the reader did, so that an export can rebuild it on the server:
// the organizations expanded ("centres", each drawn with its depth-1 network) and the deals of
// the paths found, all under the current filters.
import { graphQl } from './api.js';
import { definitionList, element } from './dom.js';
import { linkOf, readLink } from './link.js';
import { DEAL_TYPES, KINDS, SITE, capacity, edgeLabel, graphStyle, money } from './look.js';

const page = {
  status: document.getElementById('status'),
  searchForm: document.getElementById('search-form'),
  searchText: document.getElementById('search-text'),
  searchResults: document.getElementById('search-results'),
  filterForm: document.getElementById('filter-form'),
  dealTypeOptions: document.getElementById('deal-type-options'),
  pathForm: document.getElementById('path-form'),
  pathFrom: document.getElementById('path-from'),
  pathTo: document.getElementById('path-to'),
  names: document.getElementById('organization-names'),
  detail: document.getElementById('detail'),
  paths: document.getElementById('paths'),
  pathList: document.getElementById('path-list'),
  organizationList: document.getElementById('organization-list'),
  dealList: document.getElementById('deal-list'),
  siteList: document.getElementById('site-list'),
  legend: document.getElementById('legend'),
  exportButtons: ['export-png', 'export-csv', 'export-graphml', 'clear-view'].map((id) => document.getElementById(id)),
};

const view = {
  centres: [], // organization ids expanded, in the order the reader expanded them
  pathDeals: [], // ids of the deals on the paths found
  organizations: new Map(),
  deals: new Map(),
  sites: new Map(), // the sites of the deals in view, by their node id (`Site:<key>`)
  truncated: false,
  selectedId: null, // the organization or deal shown in the details
  filters: null, // the filters the view was drawn with; exports and expansions use them
};

// The last path search ({ from, to } organizations), so a filter change can run it again.
let pathQuery = null;

// Names the reader may type in the path form, learnt from searches and the view.
const knownNames = new Map();

const cy = cytoscape({
  container: document.getElementById('graph'),
  wheelSensitivity: 0.3,
  minZoom: 0.2,
  maxZoom: 3,
  style: graphStyle(),
});
new ResizeObserver(() => cy.resize()).observe(document.getElementById('graph'));
// A handle for the browser tests and for curious readers in the console.
window.dealgraphExplorer = { cy, view };

function filters() {
  const data = new FormData(page.filterForm);
  const chosen = [...page.dealTypeOptions.querySelectorAll('input:checked')].map((box) => box.value);
  const all = chosen.length === Object.keys(DEAL_TYPES).length;
  const date = (name) => (data.get(name) || '').trim() || null;
  return {
    dealTypes: all ? null : chosen,
    since: date('since'),
    until: date('until'),
    asOf: date('asOf'),
    minConfidence: data.get('minConfidence') || null,
  };
}

/** How the evidence threshold reads in the status line: '' when every source counts. */
function evidence(f) {
  return f && f.minConfidence ? ` on ${f.minConfidence.toLowerCase()} evidence or better` : '';
}

// ---- the view -----------------------------------------------------------------------

async function showNetworkOf(organization) {
  if (await change(`${organization.name}'s deal network`, { centres: [organization.key], paths: null }, true)) {
    page.paths.hidden = true;
    select('organization', organization.key);
  }
}

async function expand(id) {
  if (view.centres.includes(id)) {
    select('organization', id);
    return;
  }
  const name = view.organizations.has(id) ? view.organizations.get(id).name : id;
  if (await change(`Expanded ${name}`, { centres: [...view.centres, id], paths: pathQuery }, false)) {
    select('organization', id);
  }
}

/** Loads the whole view again under the current filters. */
function rebuild() {
  return change('The view', { centres: view.centres, paths: pathQuery }, true);
}

/**
 * Moves the view to `next` ({ centres, paths }): fetches what it needs first and applies it
 * only when all of it arrived, so a refused request (a bad date, say) leaves the view as it was.
 * `replace` draws the view anew; otherwise only the new centres are fetched and added.
 * Returns false when refused, else { paths }: the paths fetched for this change, or [].
 */
async function change(what, next, replace) {
  // Filters take effect when applied or when the view starts anew; an expansion keeps the view's.
  const f = replace ? filters() : view.filters;
  const newPaths = next.paths && (replace || next.paths !== pathQuery);
  const centres = replace ? next.centres : next.centres.filter((id) => !view.centres.includes(id));
  setStatus(`Loading ${what.toLowerCase()}…`, 'busy');
  let networks;
  let search = null;
  try {
    [networks, search] = await Promise.all([
      Promise.all(centres.map(async (around) => {
        const data = await graphQl('ExplorerNetwork', { around, ...f });
        if (!data.network) {
          throw new Error(`No organization has the id '${around}'.`);
        }
        return data.network;
      })),
      newPaths ? findPaths(next.paths.from.key, next.paths.to.key, f) : Promise.resolve(null),
    ]);
  } catch (error) {
    setStatus(error.message, 'error');
    return false;
  }
  if (replace) {
    view.organizations.clear();
    view.deals.clear();
    view.sites.clear();
    view.truncated = false;
    view.pathDeals = [];
    cy.elements().remove();
  }
  view.centres = next.centres;
  view.filters = f;
  pathQuery = next.paths;
  networks.forEach((network) => {
    addToView(network.organizations, network.deals);
    view.truncated = view.truncated || network.truncated;
  });
  const paths = search && search.paths;
  if (paths) {
    view.pathDeals = [...new Set(paths.flatMap((path) => path.deals.map((deal) => deal.key)))];
    addToView(paths.flatMap((path) => path.organizations), paths.flatMap((path) => path.deals));
    renderPaths(paths, next.paths.from, next.paths.to, search.truncated);
  }
  draw();
  writeLink();
  if (view.deals.size === 0) {
    setStatus(`${what}: no deals match these filters. Clear the filters or pick another date.`);
  } else {
    setStatus(`${what}${evidence(f)}: ${view.organizations.size} organizations, ${view.deals.size} deals`
      + (view.sites.size ? `, ${view.sites.size} sites` : '')
      + (view.truncated ? ' (cut at 200 deals per organization: narrow the filters to see the rest).' : '.'));
  }
  return { paths: paths || [], truncated: Boolean(search && search.truncated) };
}

function addToView(organizations, deals) {
  organizations.forEach((organization) => {
    view.organizations.set(organization.key, organization);
    knownNames.set(organization.name, organization.key);
  });
  deals.forEach((deal) => {
    view.deals.set(deal.key, deal);
    (deal.sites || []).forEach((site) => view.sites.set(siteNode(site.key), site));
  });
}

/** A site's node id: its global id, which no organization id can be. */
function siteNode(key) {
  return `Site:${key}`;
}

function draw() {
  const wasEmpty = cy.elements().empty();
  const fresh = [];
  view.organizations.forEach((organization) => {
    if (cy.getElementById(organization.key).empty()) {
      fresh.push({ group: 'nodes', data: { id: organization.key, label: organization.name, kind: organization.kind } });
    }
  });
  view.deals.forEach((deal) => {
    if (cy.getElementById(deal.key).empty()) {
      fresh.push({
        group: 'edges',
        data: { id: deal.key, source: deal.from.key, target: deal.to.key, type: deal.type, label: edgeLabel(deal) },
      });
    }
  });
  // A site is linked, by a dotted line, to each party of its deals in view.
  view.sites.forEach((site, node) => {
    if (cy.getElementById(node).empty()) {
      fresh.push({ group: 'nodes', classes: 'site', data: { id: node, label: site.name } });
    }
  });
  view.deals.forEach((deal) => {
    (deal.sites || []).forEach((site) => {
      [deal.from.key, deal.to.key].forEach((party) => {
        const id = `${siteNode(site.key)}~${party}`;
        if (cy.getElementById(id).empty() && !fresh.some((e) => e.data.id === id)) {
          fresh.push({ group: 'edges', classes: 'at-site', data: { id, source: siteNode(site.key), target: party } });
        }
      });
    });
  });
  const added = cy.add(fresh);
  cy.nodes().removeClass('centre');
  view.centres.forEach((id) => cy.getElementById(id).addClass('centre'));
  cy.elements().removeClass('on-path');
  view.pathDeals.forEach((id) => {
    const edge = cy.getElementById(id);
    edge.addClass('on-path');
    edge.connectedNodes().addClass('on-path');
  });
  if (added.nodes().nonempty() || wasEmpty) {
    layOut(added.nodes(), wasEmpty);
  }
  renderLists();
  const empty = cy.elements().empty();
  page.exportButtons.forEach((button) => { button.disabled = empty; });
}

/**
 * A first view is laid out in rings around its centre. Later additions start in a ring
 * around the node they hang from, and the force layout then settles the whole graph from
 * where it was, so that what the reader has seen stays roughly in place.
 */
function layOut(addedNodes, wasEmpty) {
  if (wasEmpty && view.centres.length > 0) {
    cy.layout({
      name: 'concentric', animate: false, minNodeSpacing: 70, padding: 30,
      concentric: (node) => (view.centres.includes(node.id()) ? 2 : 1), levelWidth: () => 1,
    }).run();
    fitWithoutBlowingUp();
    return;
  }
  addedNodes.forEach((node, index) => {
    const anchor = node.neighborhood('node').difference(addedNodes).first();
    const centre = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const angle = (2 * Math.PI * index) / Math.max(addedNodes.length, 1);
    node.position({ x: centre.x + 160 * Math.cos(angle), y: centre.y + 160 * Math.sin(angle) });
  });
  cy.layout({
    name: 'cose', animate: false, randomize: false, fit: false, nodeRepulsion: () => 400000,
    idealEdgeLength: () => 110, nodeOverlap: 40, componentSpacing: 120, numIter: 1500,
  }).run();
  fitWithoutBlowingUp();
}

/** Fits the graph to the canvas, but never zooms a small graph up past its natural size. */
function fitWithoutBlowingUp() {
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

function clearView() {
  view.centres = [];
  view.pathDeals = [];
  view.filters = null;
  pathQuery = null;
  view.organizations.clear();
  view.deals.clear();
  view.sites.clear();
  cy.elements().remove();
  page.paths.hidden = true;
  renderLists();
  showEmptyDetail();
  page.exportButtons.forEach((button) => { button.disabled = true; });
  writeLink();
  setStatus('The view is empty. Search an organization to see its deal network.');
}

// ---- paths ----------------------------------------------------------------------------

async function findPaths(fromId, toId, f) {
  const data = await graphQl('ExplorerPaths', {
    from: fromId, to: toId, dealTypes: f.dealTypes, asOf: f.asOf, minConfidence: f.minConfidence,
  });
  return data.pathsBetween;
}

async function onFindPaths(event) {
  event.preventDefault();
  setStatus('Looking for paths…', 'busy');
  let from;
  let to;
  try {
    [from, to] = await Promise.all([resolveName(page.pathFrom.value), resolveName(page.pathTo.value)]);
  } catch (error) {
    setStatus(error.message, 'error');
    return;
  }
  // Paths join the view drawn so far, or start one.
  const empty = cy.elements().empty();
  const changed = await change(`Paths from ${from.name} to ${to.name}`, { centres: view.centres, paths: { from, to } }, empty);
  if (changed) {
    const count = changed.paths.length;
    const cut = changed.truncated ? ' The search was cut short at its bound: shorter paths may exist.' : '';
    setStatus((count === 0
      ? `No path of at most four deals links ${from.name} and ${to.name} under these filters.`
      : `${count} path${count === 1 ? '' : 's'} from ${from.name} to ${to.name}, highlighted in the graph.`) + cut);
  }
}

/** The organization a typed name stands for: one the page has seen, else the best search hit. */
async function resolveName(text) {
  const name = text.trim();
  if (knownNames.has(name)) {
    return view.organizations.get(knownNames.get(name)) || { key: knownNames.get(name), name };
  }
  const data = await graphQl('ExplorerSearch', { text: name });
  if (data.search.length === 0) {
    throw new Error(`No organization matches '${name}'.`);
  }
  return data.search[0];
}

function renderPaths(paths, from, to, truncated) {
  page.pathList.replaceChildren();
  page.paths.hidden = false;
  if (truncated) {
    page.pathList.append(element('li', { className: 'empty' },
      'The search was cut short at its bound: shorter paths, or others, may exist. Pick deal types to narrow it.'));
  }
  if (paths.length === 0) {
    const none = element('li', { className: 'empty' }, `No path links ${from.name} and ${to.name}.`);
    page.pathList.append(none);
    return;
  }
  paths.forEach((path) => {
    const hops = element('div', { className: 'hops' });
    path.organizations.forEach((organization, index) => {
      hops.append(element('span', {}, organization.name));
      const deal = path.deals[index];
      if (deal) {
        const hop = element('button', { type: 'button', className: 'secondary' }, `${DEAL_TYPES[deal.type].label} →`);
        hop.setAttribute('aria-label', `${DEAL_TYPES[deal.type].label} deal between ${organization.name} and ${path.organizations[index + 1].name}`);
        hop.addEventListener('click', () => select('deal', deal.key));
        hops.append(hop);
      }
    });
    page.pathList.append(element('li', {}, `${path.length} deal${path.length === 1 ? '' : 's'}: `, hops));
  });
}

// ---- details and lists -------------------------------------------------------------

function select(kind, id) {
  view.selectedId = id;
  cy.elements().unselect();
  cy.getElementById(id).select();
  if (kind === 'deal') {
    showDeal(view.deals.get(id));
  } else if (kind === 'site') {
    showSite(view.sites.get(id), id);
  } else {
    showOrganization(view.organizations.get(id));
  }
  // Only the pressed state changes, so that a keyboard reader's focus stays where it is.
  document.querySelectorAll('#organization-list button, #deal-list button, #site-list button').forEach((button) => {
    button.setAttribute('aria-pressed',
      String((button.dataset.organization || button.dataset.deal || button.dataset.site) === id));
  });
}

function showEmptyDetail() {
  page.detail.replaceChildren(
    element('h2', { id: 'detail-heading' }, 'Details'),
    element('p', { className: 'empty' }, 'Click an organization to expand it, or a deal to see its figures and sources.'),
  );
}

function showOrganization(organization) {
  if (!organization) {
    showEmptyDetail();
    return;
  }
  const kind = KINDS[organization.kind] || KINDS.OTHER;
  const facts = [
    ['Kind', kind.label + (organization.category ? ` · ${organization.category}` : '')],
    ['Country', organization.country],
    ['Ticker', organization.ticker],
    ['Also known as', organization.aliases && organization.aliases.length ? organization.aliases.join(', ') : null],
    ['Deals in view', String(cy.getElementById(organization.key).connectedEdges().length)],
  ];
  const actions = element('div', { className: 'row' });
  if (!view.centres.includes(organization.key)) {
    const expandButton = element('button', { type: 'button' }, `Expand ${organization.name}`);
    expandButton.addEventListener('click', () => expand(organization.key));
    actions.append(expandButton);
  }
  const fromHere = element('button', { type: 'button', className: 'secondary' }, 'Path from here');
  fromHere.addEventListener('click', () => { page.pathFrom.value = organization.name; page.pathTo.focus(); });
  const toHere = element('button', { type: 'button', className: 'secondary' }, 'Path to here');
  toHere.addEventListener('click', () => { page.pathTo.value = organization.name; page.pathFrom.focus(); });
  actions.append(fromHere, toHere);
  page.detail.replaceChildren(
    element('h2', { id: 'detail-heading' }, organization.name),
    definitionList(facts),
    organization.undisclosed ? element('p', { className: 'hint' }, 'A placeholder for a counterparty the sources do not name.') : '',
    actions,
    citableLink(`/org/${encodeURIComponent(organization.key)}`),
  );
}

function showDeal(deal) {
  if (!deal) {
    showEmptyDetail();
    return;
  }
  const from = view.organizations.get(deal.from.key);
  const to = view.organizations.get(deal.to.key);
  const facts = [
    ['Type', DEAL_TYPES[deal.type].label],
    ['From', from ? from.name : deal.from.key],
    ['To', to ? to.name : deal.to.key],
    ['Announced', deal.announcedOn || 'date unknown'],
    ['Status', deal.status.toLowerCase()],
    ['Amount', money(deal.amount)],
    ['Capacity', capacity(deal.capacity)],
    ['Sites', (deal.sites || []).map((site) => site.name).join(', ') || null],
    ['Confidence', deal.confidence ? deal.confidence.toLowerCase() : null],
    ['Term', deal.termYears != null ? `${deal.termYears} years` : null],
    // What the deal is beyond its type: who placed whose money, what was bought, what a stake is held in.
    ['Role', deal.role ? deal.role.toLowerCase() : null],
    ['Round', deal.round || null],
    ['Scope', deal.scope ? deal.scope.toLowerCase().replace('_', ' ') : null],
    ['Instrument', deal.instrument ? deal.instrument.toLowerCase().replaceAll('_', ' ') : null],
    ['Stake', deal.stakePercent != null ? `${deal.stakePercent}%` : null],
  ];
  const history = element('ul', {});
  deal.statusHistory.forEach((change) => {
    history.append(element('li', {}, `${change.status.toLowerCase()} ${change.on ? `on ${change.on}` : '(undated)'}${change.note ? `: ${change.note}` : ''}`));
  });
  const sources = element('ul', { className: 'sources' });
  deal.sources.forEach((source) => {
    const title = source.title || source.publisher || source.url || 'Untitled source';
    const item = element('li', {});
    if (source.url) {
      item.append(element('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, title));
    } else {
      item.append(element('span', {}, title));
    }
    const about = [source.publisher && source.publisher !== title ? source.publisher : null, source.publishedOn,
      `${source.confidence.toLowerCase()} confidence`, source.note].filter(Boolean).join(' · ');
    item.append(element('div', { className: 'hint' }, about));
    if (source.quote) {
      item.append(element('blockquote', {}, source.quote));
    }
    sources.append(item);
  });
  const related = element('ul', {});
  (deal.related || []).forEach((link) => {
    const other = view.deals.get(link.deal.key);
    const reason = link.reason.toLowerCase().replaceAll('_', ' ');
    if (other) {
      const button = element('button', { type: 'button', className: 'link-button' }, `${reason} ${link.deal.key}`);
      button.addEventListener('click', () => select('deal', link.deal.key));
      related.append(element('li', {}, button));
    } else {
      related.append(element('li', {}, `${reason} ${link.deal.key} (not in view)`));
    }
  });
  page.detail.replaceChildren(
    element('h2', { id: 'detail-heading' }, `${DEAL_TYPES[deal.type].label}: ${facts[1][1]} → ${facts[2][1]}`),
    deal.description ? element('p', {}, deal.description) : '',
    definitionList(facts),
    element('h3', {}, 'Status history'),
    history,
    element('h3', {}, `Sources (${deal.sources.length})`),
    sources,
    related.childElementCount ? element('h3', {}, 'Related deals') : '',
    related.childElementCount ? related : '',
    citableLink(`/deal/${encodeURIComponent(deal.key)}`),
  );
}

/** The address to cite, a plain page with every fact, source and correction (see the README). */
function citableLink(href) {
  return element('p', {}, element('a', { href, className: 'citable' }, 'Citable page, with its sources and corrections'));
}

function showSite(site, node) {
  if (!site) {
    showEmptyDetail();
    return;
  }
  const deals = [...view.deals.values()].filter((deal) => (deal.sites || []).some((s) => siteNode(s.key) === node));
  const facts = [
    ['Kind', SITE.label],
    ['Where', [site.region, site.country].filter(Boolean).join(', ') || null],
    ['Operator', site.operator ? site.operator.name : null],
    ['Capacity', capacity(site.capacity)],
    ['Confidence', site.confidence ? site.confidence.toLowerCase() : null],
    ['Deals in view', String(deals.length)],
  ];
  const list = element('ul', {});
  deals.forEach((deal) => {
    const button = element('button', { type: 'button', className: 'link-button' },
      `${DEAL_TYPES[deal.type].label} ${deal.key}${deal.announcedOn ? ` · ${deal.announcedOn}` : ''}`);
    button.addEventListener('click', () => select('deal', deal.key));
    list.append(element('li', {}, button));
  });
  page.detail.replaceChildren(
    element('h2', { id: 'detail-heading' }, site.name),
    definitionList(facts),
    element('p', { className: 'hint' }, "A site's capacity is its own figure (often grid power), not the sum of its deals."),
    element('h3', {}, 'Deals at this site'),
    list,
  );
}

function renderLists() {
  const { selectedId } = view;
  // The lists are drawn anew; a keyboard reader's focus goes back to the same item.
  const focused = document.activeElement && document.activeElement.dataset
    ? (document.activeElement.dataset.organization || document.activeElement.dataset.deal
      || document.activeElement.dataset.site) : null;
  page.organizationList.replaceChildren();
  [...view.organizations.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .forEach((organization) => {
      const expanded = view.centres.includes(organization.key);
      const button = element('button', { type: 'button' },
        organization.name, element('span', { className: 'kind' }, ` · ${(KINDS[organization.kind] || KINDS.OTHER).label}${expanded ? ' · expanded' : ''}`));
      button.dataset.organization = organization.key;
      button.setAttribute('aria-pressed', String(organization.key === selectedId));
      button.addEventListener('click', () => (expanded ? select('organization', organization.key) : expand(organization.key)));
      page.organizationList.append(element('li', {}, button));
    });
  page.dealList.replaceChildren();
  [...view.deals.values()]
    .sort((a, b) => (a.announcedOn || '').localeCompare(b.announcedOn || '') || a.key.localeCompare(b.key))
    .forEach((deal) => {
      const from = view.organizations.get(deal.from.key);
      const to = view.organizations.get(deal.to.key);
      const text = `${from ? from.name : deal.from.key} → ${to ? to.name : deal.to.key}`;
      const label = edgeLabel(deal);
      const button = element('button', { type: 'button' }, text,
        element('span', { className: 'kind' }, ` · ${DEAL_TYPES[deal.type].label}${label ? ` · ${label}` : ''}${deal.announcedOn ? ` · ${deal.announcedOn}` : ''}`));
      button.dataset.deal = deal.key;
      button.setAttribute('aria-pressed', String(deal.key === selectedId));
      button.addEventListener('click', () => select('deal', deal.key));
      page.dealList.append(element('li', {}, button));
    });
  page.siteList.replaceChildren();
  [...view.sites.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .forEach(([node, site]) => {
      const button = element('button', { type: 'button' }, site.name,
        element('span', { className: 'kind' }, ` · ${SITE.label}${site.region ? ` · ${site.region}` : ''}`));
      button.dataset.site = node;
      button.setAttribute('aria-pressed', String(node === selectedId));
      button.addEventListener('click', () => select('site', node));
      page.siteList.append(element('li', {}, button));
    });
  if (focused) {
    const again = document.querySelector(`[data-organization="${CSS.escape(focused)}"], [data-deal="${CSS.escape(focused)}"], [data-site="${CSS.escape(focused)}"]`);
    if (again) {
      again.focus();
    }
  }
}

// ---- search -----------------------------------------------------------------------------

async function onSearch(event) {
  event.preventDefault();
  const text = page.searchText.value.trim();
  if (!text) {
    return;
  }
  setStatus(`Searching for '${text}'…`, 'busy');
  try {
    const data = await graphQl('ExplorerSearch', { text });
    page.searchResults.replaceChildren();
    data.search.forEach((organization) => {
      knownNames.set(organization.name, organization.key);
      const button = element('button', { type: 'button' }, organization.name,
        element('span', { className: 'kind' }, ` · ${(KINDS[organization.kind] || KINDS.OTHER).label}`));
      button.addEventListener('click', () => showNetworkOf(organization));
      page.searchResults.append(element('li', {}, button));
    });
    if (data.search.length === 0) {
      setStatus(`No organization matches '${text}'. Try another spelling or an alias.`);
    } else if (data.search.length === 1 || data.search[0].name.toLowerCase() === text.toLowerCase()) {
      await showNetworkOf(data.search[0]);
    } else {
      setStatus(`${data.search.length} organizations match '${text}': pick one.`);
      page.searchResults.querySelector('button').focus();
    }
  } catch (error) {
    setStatus(error.message, 'error');
  }
}

let suggestTimer = null;
function suggestNames(event) {
  const text = event.target.value.trim();
  clearTimeout(suggestTimer);
  if (text.length < 2 || knownNames.has(text)) {
    return;
  }
  suggestTimer = setTimeout(async () => {
    try {
      const data = await graphQl('ExplorerSearch', { text });
      data.search.forEach((organization) => knownNames.set(organization.name, organization.key));
      page.names.replaceChildren(...data.search.map((organization) => element('option', { value: organization.name })));
    } catch (error) {
      // Suggestions are a convenience; the search on submit reports errors.
    }
  }, 250);
}

// ---- export ---------------------------------------------------------------------------

function exportPng() {
  const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
  download(URL.createObjectURL(blob), `${viewName()}.png`);
}

function exportFile(format) {
  const f = view.filters;
  const query = new URLSearchParams();
  view.centres.forEach((id) => query.append('around', id));
  view.pathDeals.forEach((id) => query.append('deal', id));
  (f.dealTypes || []).forEach((type) => query.append('dealTypes', type));
  ['since', 'until', 'asOf', 'minConfidence'].forEach((name) => { if (f[name]) query.append(name, f[name]); });
  query.append('format', format);
  download(`/export/network?${query}`, `${viewName()}.${format}`);
}

function viewName() {
  return `network-${view.centres[0] || 'paths'}`;
}

function download(href, fileName) {
  const link = element('a', { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
}

// ---- small helpers ----------------------------------------------------------------------

function setStatus(message, state) {
  page.status.textContent = message;
  page.status.classList.toggle('error', state === 'error');
  document.getElementById('graph').setAttribute('aria-busy', String(state === 'busy'));
  // Cytoscape caches where its canvas sits on the page; if a longer message moved the canvas,
  // clicks would land beside the nodes they aim at.
  cy.resize();
}

function renderLegend() {
  Object.values(KINDS).forEach((look) => {
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = look.colour;
    page.legend.append(element('span', {}, swatch, look.label));
  });
  const site = element('span', { className: 'swatch site-swatch' });
  page.legend.append(element('span', {}, site, SITE.label));
  Object.values(DEAL_TYPES).forEach((look) => {
    const line = element('span', { className: 'line-swatch' });
    line.style.borderTopStyle = look.line;
    line.style.borderTopColor = look.colour;
    page.legend.append(element('span', {}, line, look.label));
  });
}

function renderDealTypeOptions() {
  Object.entries(DEAL_TYPES).forEach(([type, look]) => {
    const box = element('input', { type: 'checkbox', name: 'dealType', value: type, checked: true, id: `type-${type}` });
    page.dealTypeOptions.append(element('label', { htmlFor: box.id }, box, look.label));
  });
}

// ---- links to a view ----------------------------------------------------------------------

/**
 * The page's address says what the view is (`#around=hut-8,coatue&asOf=2024-12-31`, plus
 * `from`/`to` for paths), so a reader can bookmark it or send it to a colleague.
 */
function writeLink() {
  const link = linkOf(view.centres, pathQuery, view.filters);
  history.replaceState(null, '', link ? `#${link}` : location.pathname);
}

/** Opens the view a link describes: sets the filters, then loads its centres and paths. */
async function openLink() {
  const link = readLink(location.hash.slice(1));
  page.dealTypeOptions.querySelectorAll('input').forEach((box) => {
    box.checked = link.dealTypes.length === 0 || link.dealTypes.includes(box.value);
  });
  ['since', 'until', 'asOf', 'minConfidence'].forEach((name) => { page.filterForm.elements[name].value = link[name] || ''; });
  const { centres } = link;
  let paths = null;
  if (link.from && link.to) {
    try {
      const [from, to] = await Promise.all([link.from, link.to].map(async (id) => {
        const data = await graphQl('ExplorerOrganization', { id });
        if (!data.organization) {
          throw new Error(`The link names an organization that does not exist: '${id}'.`);
        }
        return data.organization;
      }));
      paths = { from, to };
      page.pathFrom.value = from.name;
      page.pathTo.value = to.name;
    } catch (error) {
      setStatus(error.message, 'error');
      return;
    }
  }
  if (centres.length > 0 || paths) {
    await change('The linked view', { centres, paths }, true);
  }
}

// ---- wiring -----------------------------------------------------------------------------

renderDealTypeOptions();
renderLegend();
page.searchForm.addEventListener('submit', onSearch);
page.pathForm.addEventListener('submit', onFindPaths);
page.pathFrom.addEventListener('input', suggestNames);
page.pathTo.addEventListener('input', suggestNames);
page.filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (page.filterForm.reportValidity() && (view.centres.length > 0 || pathQuery)) {
    rebuild();
  }
});
page.filterForm.addEventListener('reset', () => {
  // The form resets its fields after this event; rebuild once it has.
  setTimeout(() => { if (view.centres.length > 0 || pathQuery) rebuild(); }, 0);
});
document.getElementById('export-png').addEventListener('click', exportPng);
document.getElementById('export-csv').addEventListener('click', () => exportFile('csv'));
document.getElementById('export-graphml').addEventListener('click', () => exportFile('graphml'));
document.getElementById('clear-view').addEventListener('click', clearView);
cy.on('tap', 'node', (event) => (event.target.hasClass('site') ? select('site', event.target.id()) : expand(event.target.id())));
if (location.hash.length > 1) {
  openLink();
}
cy.on('tap', 'edge', (event) => { if (!event.target.hasClass('at-site')) select('deal', event.target.id()); });
