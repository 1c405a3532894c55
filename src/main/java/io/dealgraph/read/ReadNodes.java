package io.dealgraph.read;

import io.dealgraph.deal.DealQueries;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.View;
import io.dealgraph.node.NodeReader;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.site.SiteQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organizations, deals and sites for {@code node(id:)}: each with everything selected
 * beneath it in one statement, as {@code organization(id:)}, {@code deal(id:)} and
 * {@code site(id:)} read them. A retracted deal is no node.
 */
@Configuration(proxyBeanMethods = false)
class ReadNodes {

	@Bean
	NodeReader organizationNodes(SingleReads single, OrganizationQueries organizations) {
		return NodeReader.of(Interface.Organization, organizations::holds,
				(key, request) -> single
					.organization(key, View.NOW, request::fields, request.path(),
							request.environment().getGraphQlContext())
					.orElse(null));
	}

	@Bean
	NodeReader dealNodes(SingleReads single, DealQueries deals) {
		return NodeReader.of(Interface.Deal, deals::holds,
				(key, request) -> single
					.deal(key, false, View.NOW, request::fields, request.path(),
							request.environment().getGraphQlContext())
					.orElse(null));
	}

	@Bean
	NodeReader siteNodes(SingleReads single, SiteQueries sites) {
		return NodeReader.of(Interface.Site, sites::holds,
				(key, request) -> single
					.site(key, View.NOW, request::fields, request.path(), request.environment().getGraphQlContext())
					.orElse(null));
	}

}
