// The panels beside the graph (aside.details): the details of an organization, deal or site, with
// its sources and its citable page; the paths found; and every organization, deal and site in the
// view as a button, so that all of the graph can also be reached from the keyboard and read by a
// screen reader. They read the view (state.js) and hand the reader's choices to the callbacks given.
import { definitionList, element } from './dom.js';
import { DEAL_TYPES, KINDS, SITE, capacity, edgeLabel, money } from './look.js';

/**
 * `view` is the state, only read here. `on` holds select(kind, id), expand(id), pathFrom(name)
 * and pathTo(name) for what the buttons do, and linesAt(id): the lines the graph draws at a node.
 */
export function createPanels(view, on) {
  const page = {
    detail: document.getElementById('detail'),
    paths: document.getElementById('paths'),
    pathList: document.getElementById('path-list'),
    organizationList: document.getElementById('organization-list'),
    dealList: document.getElementById('deal-list'),
    siteList: document.getElementById('site-list'),
  };

  /** Shows the organization, deal or site `id` in the details and marks its button pressed. */
  function show(kind, id) {
    if (kind === 'deal') {
      showDeal(view.deal(id));
    } else if (kind === 'site') {
      showSite(view.site(id), id);
    } else {
      showOrganization(view.organization(id));
    }
    // Only the pressed state changes, so that a keyboard reader's focus stays where it is.
    document.querySelectorAll('#organization-list button, #deal-list button, #site-list button').forEach((button) => {
      button.setAttribute('aria-pressed',
        String((button.dataset.organization || button.dataset.deal || button.dataset.site) === id));
    });
  }

  function showEmpty() {
    page.detail.replaceChildren(
      element('h2', { id: 'detail-heading' }, 'Details'),
      element('p', { className: 'empty' }, 'Click an organization to expand it, or a deal to see its figures and sources.'),
    );
  }

  function showOrganization(organization) {
    if (!organization) {
      showEmpty();
      return;
    }
    const kind = KINDS[organization.kind] || KINDS.OTHER;
    const facts = [
      ['Kind', kind.label + (organization.category ? ` · ${organization.category}` : '')],
      ['Country', organization.country],
      ['Ticker', organization.ticker],
      ['Also known as', organization.aliases && organization.aliases.length ? organization.aliases.join(', ') : null],
      ['Deals in view', String(on.linesAt(organization.key))],
    ];
    const actions = element('div', { className: 'row' });
    if (!view.isCentre(organization.key)) {
      const expandButton = element('button', { type: 'button' }, `Expand ${organization.name}`);
      expandButton.addEventListener('click', () => on.expand(organization.key));
      actions.append(expandButton);
    }
    const fromHere = element('button', { type: 'button', className: 'secondary' }, 'Path from here');
    fromHere.addEventListener('click', () => on.pathFrom(organization.name));
    const toHere = element('button', { type: 'button', className: 'secondary' }, 'Path to here');
    toHere.addEventListener('click', () => on.pathTo(organization.name));
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
      showEmpty();
      return;
    }
    const from = view.organization(deal.from.key);
    const to = view.organization(deal.to.key);
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
      const other = view.deal(link.deal.key);
      const reason = link.reason.toLowerCase().replaceAll('_', ' ');
      if (other) {
        const button = element('button', { type: 'button', className: 'link-button' }, `${reason} ${link.deal.key}`);
        button.addEventListener('click', () => on.select('deal', link.deal.key));
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

  function showSite(site, node) {
    if (!site) {
      showEmpty();
      return;
    }
    const deals = view.dealsAtSite(node);
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
      button.addEventListener('click', () => on.select('deal', deal.key));
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
          hop.addEventListener('click', () => on.select('deal', deal.key));
          hops.append(hop);
        }
      });
      page.pathList.append(element('li', {}, `${path.length} deal${path.length === 1 ? '' : 's'}: `, hops));
    });
  }

  function renderLists() {
    const selectedId = view.selected();
    // The lists are drawn anew; a keyboard reader's focus goes back to the same item.
    const focused = document.activeElement && document.activeElement.dataset
      ? (document.activeElement.dataset.organization || document.activeElement.dataset.deal
        || document.activeElement.dataset.site) : null;
    page.organizationList.replaceChildren();
    view.organizations()
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((organization) => {
        const expanded = view.isCentre(organization.key);
        const button = element('button', { type: 'button' },
          organization.name, element('span', { className: 'kind' }, ` · ${(KINDS[organization.kind] || KINDS.OTHER).label}${expanded ? ' · expanded' : ''}`));
        button.dataset.organization = organization.key;
        button.setAttribute('aria-pressed', String(organization.key === selectedId));
        button.addEventListener('click', () => (expanded ? on.select('organization', organization.key) : on.expand(organization.key)));
        page.organizationList.append(element('li', {}, button));
      });
    page.dealList.replaceChildren();
    view.deals()
      .sort((a, b) => (a.announcedOn || '').localeCompare(b.announcedOn || '') || a.key.localeCompare(b.key))
      .forEach((deal) => {
        const from = view.organization(deal.from.key);
        const to = view.organization(deal.to.key);
        const text = `${from ? from.name : deal.from.key} → ${to ? to.name : deal.to.key}`;
        const label = edgeLabel(deal);
        const button = element('button', { type: 'button' }, text,
          element('span', { className: 'kind' }, ` · ${DEAL_TYPES[deal.type].label}${label ? ` · ${label}` : ''}${deal.announcedOn ? ` · ${deal.announcedOn}` : ''}`));
        button.dataset.deal = deal.key;
        button.setAttribute('aria-pressed', String(deal.key === selectedId));
        button.addEventListener('click', () => on.select('deal', deal.key));
        page.dealList.append(element('li', {}, button));
      });
    page.siteList.replaceChildren();
    view.sites()
      .sort(([, a], [, b]) => a.name.localeCompare(b.name))
      .forEach(([node, site]) => {
        const button = element('button', { type: 'button' }, site.name,
          element('span', { className: 'kind' }, ` · ${SITE.label}${site.region ? ` · ${site.region}` : ''}`));
        button.dataset.site = node;
        button.setAttribute('aria-pressed', String(node === selectedId));
        button.addEventListener('click', () => on.select('site', node));
        page.siteList.append(element('li', {}, button));
      });
    if (focused) {
      const again = document.querySelector(`[data-organization="${CSS.escape(focused)}"], [data-deal="${CSS.escape(focused)}"], [data-site="${CSS.escape(focused)}"]`);
      if (again) {
        again.focus();
      }
    }
  }

  return {
    show,
    showEmpty,
    renderPaths,
    hidePaths: () => { page.paths.hidden = true; },
    renderLists,
  };
}

/** The address to cite, a plain page with every fact, source and correction (see the README). */
function citableLink(href) {
  return element('p', {}, element('a', { href, className: 'citable' }, 'Citable page, with its sources and corrections'));
}
