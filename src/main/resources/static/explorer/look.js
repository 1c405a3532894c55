// How the graph looks: a colour and shape per organization kind, a colour and line per deal
// type (colour-blind safe, after Okabe and Ito), and the Cytoscape style drawn from them.

export const KINDS = {
  MINER: { label: 'Miner', colour: '#E69F00', shape: 'round-rectangle' },
  AI_FIRM: { label: 'AI firm', colour: '#0072B2', shape: 'ellipse' },
  // Not 'diamond': Cytoscape 3.33.1 misses clicks on diamond (and star, vee) nodes.
  INVESTOR: { label: 'Investor', colour: '#009E73', shape: 'round-diamond' },
  EXCHANGE: { label: 'Exchange', colour: '#CC79A7', shape: 'hexagon' },
  SUPPLIER: { label: 'Supplier', colour: '#56B4E9', shape: 'triangle' },
  REGULATOR: { label: 'Regulator', colour: '#D55E00', shape: 'octagon' },
  OTHER: { label: 'Other', colour: '#999999', shape: 'ellipse' },
};

export const DEAL_TYPES = {
  PARTNERSHIP: { label: 'Partnership', colour: '#0072B2', line: 'solid' },
  FINANCING: { label: 'Financing', colour: '#007A5A', line: 'dashed' },
  SUPPLY: { label: 'Supply', colour: '#5A6B7B', line: 'dotted' },
  ACQUISITION: { label: 'Acquisition', colour: '#B34700', line: 'solid' },
  REGULATORY_ACTION: { label: 'Regulatory action', colour: '#8B1E3F', line: 'dashed' },
  CONTROL: { label: 'Control', colour: '#333333', line: 'dotted' },
  // Holdings and guarantees are not money given: their own colours, so no reader sums them with financings.
  STAKE: { label: 'Stake', colour: '#6A3D9A', line: 'solid' },
  GUARANTEE: { label: 'Guarantee', colour: '#8C6D1F', line: 'dashed' },
};

// A site (a campus or data centre) is drawn apart from organizations, linked to the parties of its deals.
export const SITE = { label: 'Site', colour: '#ffffff', shape: 'rectangle' };

export function graphStyle() {
  const style = [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': 13, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-outline-color': '#ffffff', 'text-outline-width': 2, width: 26, height: 26,
        'border-width': 1, 'border-color': '#333333',
      },
    },
    { selector: 'node.centre', style: { width: 36, height: 36, 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node:selected', style: { 'border-color': '#ffbf47', 'border-width': 5 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2, label: 'data(label)', 'font-size': 11,
        color: '#1b1f24', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge.on-path', style: { width: 5 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#1b1f24' } },
    {
      selector: 'node.site',
      style: { shape: SITE.shape, 'background-color': SITE.colour, 'border-style': 'dashed', 'border-width': 2, width: 22, height: 22 },
    },
    {
      selector: 'edge.at-site',
      style: { 'line-style': 'dotted', 'line-color': '#8a8f96', width: 1, 'target-arrow-shape': 'none', label: '' },
    },
    { selector: 'edge:selected', style: { width: 6, 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
  ];
  Object.entries(KINDS).forEach(([kind, look]) => {
    style.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': look.colour, shape: look.shape } });
  });
  Object.entries(DEAL_TYPES).forEach(([type, look]) => {
    style.push({
      selector: `edge[type = "${type}"]`,
      style: { 'line-color': look.colour, 'target-arrow-color': look.colour, 'line-style': look.line },
    });
  });
  return style;
}

// How figures read: amounts as reported (never converted), in short form.

export function money(amount) {
  if (!amount) {
    return null;
  }
  const qualifier = { EXACT: '', APPROXIMATE: 'about ', AT_LEAST: 'at least ', UP_TO: 'up to ' }[amount.qualifier] || '';
  const period = amount.period === 'PER_YEAR' ? ' a year' : '';
  return `${qualifier}${short(amount.amount)} ${amount.currency}${period}`;
}

export function edgeLabel(deal) {
  if (deal.amount) {
    const sign = { EXACT: '', APPROXIMATE: '~', AT_LEAST: '≥', UP_TO: '≤' }[deal.amount.qualifier] || '';
    const symbol = deal.amount.currency === 'USD' ? '$' : `${deal.amount.currency} `;
    return `${sign}${symbol}${short(deal.amount.amount)}${deal.amount.period === 'PER_YEAR' ? '/yr' : ''}`;
  }
  return deal.capacity ? `${deal.capacity.mw} MW` : '';
}

// Megawatts with what they measure: "≥200 MW critical IT".
export function capacity(figure) {
  if (!figure) {
    return null;
  }
  const sign = { EXACT: '', APPROXIMATE: '~', AT_LEAST: '≥', UP_TO: '≤', TARGET: 'target ' }[figure.qualifier] || '';
  const basis = { CRITICAL_IT: ' critical IT', GROSS: ' gross power', CONTRACTED: ' contracted' }[figure.basis] || '';
  return `${sign}${figure.mw} MW${basis}`;
}

export function short(value) {
  const units = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) {
    if (Math.abs(value) >= size) {
      return `${Number((value / size).toPrecision(3))}${unit}`;
    }
  }
  return String(value);
}
