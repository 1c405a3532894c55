package io.dealgraph.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.dealgraph.filter.Views;
import io.dealgraph.graph.Relationship;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.graph.View;
import io.dealgraph.selection.Prefetched;
import org.springframework.context.annotation.Bean;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;

/**
 * Organizations' nested fields. Beneath the top-level reads ({@code io.dealgraph.read}) a
 * nested field takes the answer their statement read; elsewhere (beneath the network,
 * paths or a mutation) each is loaded for a whole level of the response at once, so a
 * request costs one statement per level whatever the number of organizations.
 */
@Controller
class OrganizationController {

	/** The loader of every relationship field. */
	private static final String RELATED = "related";

	private static final String RELATED_PAGE = "relatedPage";

	private final OrganizationQueries queries;

	OrganizationController(OrganizationQueries queries, BatchLoaderRegistry loaders) {
		this.queries = queries;
		// One loader per field for all kinds of organization: a per-type @BatchMapping
		// would split each level
		// into one statement per kind.
		loaders.forTypePair(Related.class, Neighbourhood.class)
			.withName(RELATED)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadRelated(keys)));
		loaders.forTypePair(RelatedPage.class, NeighbourPage.class)
			.withName(RELATED_PAGE)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadRelatedPages(keys)));
		loaders.forTypePair(FactsOf.class, Facts.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadFacts(keys)));
	}

	/** Facts at the request's evidence threshold: a fact's confidence is its own. */
	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<Fact>> facts(Organization organization, DataLoader<FactsOf, Facts> loader,
			DataFetchingEnvironment environment) {
		return factsAtThreshold(organization, loader, environment);
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<Claims.InvestorTypeClaim>> investorTypeClaims(Organization organization,
			DataLoader<FactsOf, Facts> loader, DataFetchingEnvironment environment) {
		return factsAtThreshold(organization, loader, environment).thenApply(Claims::investorTypes);
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<Claims.KindClaim>> kindClaims(Organization organization, DataLoader<FactsOf, Facts> loader,
			DataFetchingEnvironment environment) {
		return factsAtThreshold(organization, loader, environment)
			.thenApply((facts) -> Claims.kinds(facts, organization.kind()));
	}

	/** The investor types that claims at the request's evidence threshold support. */
	@SchemaMapping(typeName = "Organization")
	List<InvestorType> investorTypes(Organization organization, DataFetchingEnvironment environment) {
		return organization.investorTypes().within(Views.of(environment).minConfidence());
	}

	/**
	 * The primary kind, then the other kinds that claims at the request's evidence
	 * threshold support.
	 */
	@SchemaMapping(typeName = "Organization")
	List<OrganizationKind> kinds(Organization organization, DataFetchingEnvironment environment) {
		List<OrganizationKind> kinds = new ArrayList<>(List.of(organization.kind()));
		organization.kinds()
			.within(Views.of(environment).minConfidence())
			.stream()
			.filter((kind) -> kind != organization.kind())
			.forEach(kinds::add);
		return kinds;
	}

	/**
	 * Every field made of facts ({@code facts} and the claims) reads them through here:
	 * from the statement above when it read them, else batched per level.
	 */
	private static CompletableFuture<List<Fact>> factsAtThreshold(Organization organization,
			DataLoader<FactsOf, Facts> loader, DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment,
				() -> loader.load(new FactsOf(organization.id(), Views.of(environment))).thenApply(Facts::facts));
	}

	private static @Nullable Organization firstOrNull(List<Organization> organizations) {
		return organizations.isEmpty() ? null : organizations.getFirst();
	}

	private Map<Related, Neighbourhood> loadRelated(Set<Related> keys) {
		Map<Related, Neighbourhood> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy((key) -> List.of(key.kind(), key.view())))
			.forEach((same, group) -> {
				Related first = group.getFirst();
				Map<String, List<Organization>> byId = this.queries.relatedOf(first.kind(),
						group.stream().map(Related::organizationId).toList(), first.view());
				group.forEach((key) -> result.put(key,
						new Neighbourhood(byId.getOrDefault(key.organizationId(), List.of()))));
			});
		return result;
	}

	private Map<RelatedPage, NeighbourPage> loadRelatedPages(Set<RelatedPage> keys) {
		Map<RelatedPage, NeighbourPage> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy((key) -> List.of(key.kind(), key.page(), key.withTotal(), key.view())))
			.forEach((same, group) -> {
				RelatedPage first = group.getFirst();
				Map<String, Connection<Organization>> byId = this.queries.relatedPagesOf(first.kind(),
						group.stream().map(RelatedPage::organizationId).toList(), first.page(), first.withTotal(),
						first.view());
				group.forEach((key) -> result.put(key, new NeighbourPage(byId.getOrDefault(key.organizationId(),
						Connection.of(List.of(), key.page(), first.withTotal() ? 0 : -1)))));
			});
		return result;
	}

	private Map<FactsOf, Facts> loadFacts(Set<FactsOf> keys) {
		Map<FactsOf, Facts> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(FactsOf::view)).forEach((view, group) -> {
			Map<String, List<Fact>> byId = this.queries.factsOf(group.stream().map(FactsOf::organizationId).toList(),
					view);
			group.forEach((key) -> result.put(key, new Facts(byId.getOrDefault(key.organizationId(), List.of()))));
		});
		return result;
	}

	/** Loader key: which related organizations of which organization, in which view. */
	record Related(Relationship kind, String organizationId, View view) {
	}

	/** Loader value: the related organizations found. */
	record Neighbourhood(List<Organization> organizations) {
	}

	/** Loader key: a page of the related organizations of an organization, in a view. */
	record RelatedPage(Relationship kind, String organizationId, Page page, boolean withTotal, View view) {
	}

	/** Loader value: the page found. */
	record NeighbourPage(Connection<Organization> connection) {
	}

	/** Loader key: the facts of an organization, in a view. */
	record FactsOf(String organizationId, View view) {
	}

	/** Loader value: the facts found. */
	record Facts(List<Fact> facts) {
	}

	/**
	 * Each organization is served as the object type of its kind, and every relationship
	 * row with a field is that field on every kind: a new row needs no new method here.
	 * All of a level's organizations are loaded in one statement per row and view.
	 */
	@Bean
	static RuntimeWiringConfigurer organizationTypes() {
		return (wiring) -> {
			wiring.type("Organization", (type) -> type.typeResolver(
					(env) -> env.getSchema().getObjectType(((Organization) env.getObject()).kind().typeName())));
			for (OrganizationKind kind : OrganizationKind.values()) {
				wiring.type(kind.typeName(), (type) -> {
					for (Relationship relationship : Relationship.values()) {
						relationship.field().ifPresent((field) -> {
							type.dataFetcher(field.name(), (env) -> related(relationship, env));
							if (!field.latest()) {
								type.dataFetcher(field.connectionName(), (env) -> relatedPage(relationship, env));
							}
						});
					}
					return type;
				});
			}
		};
	}

	/** The other parties: a list, or the one of the latest deal for a single field. */
	private static CompletableFuture<?> related(Relationship relationship, DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment, () -> load(relationship, environment));
	}

	/**
	 * A page of the other parties of a list relationship: every one of them, where the
	 * list stops at {@link Relationship#LIST_LIMIT}.
	 */
	private static CompletableFuture<?> relatedPage(Relationship relationship, DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment, () -> loadPage(relationship, environment));
	}

	private static CompletableFuture<Connection<Organization>> loadPage(Relationship relationship,
			DataFetchingEnvironment environment) {
		Organization organization = environment.getSource();
		Page page = Page.of(environment.getArgument("first"), environment.getArgument("after"),
				environment.getArgument("last"), environment.getArgument("before"));
		boolean withTotal = environment.getSelectionSet().contains("totalCount");
		DataLoader<RelatedPage, NeighbourPage> loader = environment.getDataLoader(RELATED_PAGE);
		return loader.load(new RelatedPage(relationship, organization.id(), page, withTotal, Views.of(environment)))
			.thenApply(NeighbourPage::connection);
	}

	private static CompletableFuture<?> load(Relationship relationship, DataFetchingEnvironment environment) {
		Organization organization = environment.getSource();
		DataLoader<Related, Neighbourhood> loader = environment.getDataLoader(RELATED);
		CompletableFuture<List<Organization>> others = loader
			.load(new Related(relationship, organization.id(), Views.of(environment)))
			.thenApply(Neighbourhood::organizations);
		return relationship.field().orElseThrow().latest() ? others.thenApply(OrganizationController::firstOrNull)
				: others;
	}

}
