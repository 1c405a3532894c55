// Building the page's elements without innerHTML: every text reaches the page as text.

export function element(tag, properties, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export function definitionList(facts) {
  const list = element('dl', {});
  facts.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .forEach(([term, value]) => list.append(element('dt', {}, term), element('dd', {}, value)));
  return list;
}
