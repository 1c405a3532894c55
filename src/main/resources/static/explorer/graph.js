// The graph on the page: the Cytoscape instance, the elements drawn from the view, where they are
// laid out, and the legend that explains them. It only draws: the view is read from state.js and
// a tap is handed to the callbacks given, so what a tap does is decided in one place (explorer.js).
// How the graph looks is in look.js.
import { element } from './dom.js';
import { DEAL_TYPES, KINDS, SITE, edgeLabel, graphStyle } from './look.js';
import { siteNode } from './state.js';

/**
 * Draws into `container`. `on` holds organization(id), site(node) and deal(id), called when the
 * reader taps such an element; a site's dotted links to the parties of its deals do nothing.
 */
export function createGraph(container, on) {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: graphStyle(),
  });
  new ResizeObserver(() => cy.resize()).observe(container);
  cy.on('tap', 'node', (event) => (event.target.hasClass('site') ? on.site(event.target.id()) : on.organization(event.target.id())));
  cy.on('tap', 'edge', (event) => { if (!event.target.hasClass('at-site')) on.deal(event.target.id()); });

  /** Adds what the view holds and the graph lacks, marks the centres and paths, and lays it out. */
  function draw(view) {
    const wasEmpty = cy.elements().empty();
    const fresh = [];
    view.organizations().forEach((organization) => {
      if (cy.getElementById(organization.key).empty()) {
        fresh.push({ group: 'nodes', data: { id: organization.key, label: organization.name, kind: organization.kind } });
      }
    });
    view.deals().forEach((deal) => {
      if (cy.getElementById(deal.key).empty()) {
        fresh.push({
          group: 'edges',
          data: { id: deal.key, source: deal.from.key, target: deal.to.key, type: deal.type, label: edgeLabel(deal) },
        });
      }
    });
    // A site is linked, by a dotted line, to each party of its deals in view.
    view.sites().forEach(([node, site]) => {
      if (cy.getElementById(node).empty()) {
        fresh.push({ group: 'nodes', classes: 'site', data: { id: node, label: site.name } });
      }
    });
    view.deals().forEach((deal) => {
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
    view.centres().forEach((id) => cy.getElementById(id).addClass('centre'));
    cy.elements().removeClass('on-path');
    view.pathDeals().forEach((id) => {
      const edge = cy.getElementById(id);
      edge.addClass('on-path');
      edge.connectedNodes().addClass('on-path');
    });
    if (added.nodes().nonempty() || wasEmpty) {
      layOut(view, added.nodes(), wasEmpty);
    }
  }

  /**
   * A first view is laid out in rings around its centre. Later additions start in a ring
   * around the node they hang from, and the force layout then settles the whole graph from
   * where it was, so that what the reader has seen stays roughly in place.
   */
  function layOut(view, addedNodes, wasEmpty) {
    if (wasEmpty && view.centres().length > 0) {
      cy.layout({
        name: 'concentric', animate: false, minNodeSpacing: 70, padding: 30,
        concentric: (node) => (view.isCentre(node.id()) ? 2 : 1), levelWidth: () => 1,
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

  return {
    cy,
    draw,
    clear: () => { cy.elements().remove(); },
    isEmpty: () => cy.elements().empty(),
    select(id) {
      cy.elements().unselect();
      cy.getElementById(id).select();
    },
    /** The lines drawn at a node: its deals in view and its dotted links to sites. */
    linesAt: (id) => cy.getElementById(id).connectedEdges().length,
    png: () => cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }),
    busy(busy) {
      container.setAttribute('aria-busy', String(busy));
    },
    resize: () => cy.resize(),
  };
}

/** The legend under the graph: each kind's colour, the site's look, and each deal type's line. */
export function drawLegend(legend) {
  Object.values(KINDS).forEach((look) => {
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = look.colour;
    legend.append(element('span', {}, swatch, look.label));
  });
  const site = element('span', { className: 'swatch site-swatch' });
  legend.append(element('span', {}, site, SITE.label));
  Object.values(DEAL_TYPES).forEach((look) => {
    const line = element('span', { className: 'line-swatch' });
    line.style.borderTopStyle = look.line;
    line.style.borderTopColor = look.colour;
    legend.append(element('span', {}, line, look.label));
  });
}
