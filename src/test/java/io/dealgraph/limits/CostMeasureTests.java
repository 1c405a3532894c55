package io.dealgraph.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLFieldsContainer;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.Contract;

import io.dealgraph.support.Examples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost measure on the schema alone, without a server: every list is bounded, the
 * estimate adds up as documented, and every example fits the limits.
 */
class CostMeasureTests {

	/** The committed contract: the served schema, generated object types included. */
	static final GraphQLSchema SCHEMA = Contract.schema();

	@Test
	void everyListInTheSchemaStatesHowLongItCanGet() {
		List<String> unbounded = new ArrayList<>();
		for (var type : SCHEMA.getAllTypesAsList()) {
			if (type.getName().startsWith("__")
					|| !(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) {
				continue;
			}
			for (GraphQLFieldDefinition field : ((GraphQLFieldsContainer) type).getFieldDefinitions()) {
				boolean list = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList;
				boolean relayEdges = field.getName().equals("edges") && type.getName().endsWith("Connection");
				if (list && !relayEdges && field.getAppliedDirective("listSize") == null) {
					unbounded.add(type.getName() + "." + field.getName());
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

	@Test
	void aNetworkCountsEveryDealItsLimitAllowsAndOneOrganizationMore() {
		// network 1, organizations 1 + 1001 items + 1001 ids, deals 1 + 1000 items + 1000
		// ids
		assertThat(cost("{ network(around: \"hut-8\", limit: 1000) { organizations { key } deals { key } } }"))
			.isEqualTo(1 + (1 + 1001 + 1001) + (1 + 1000 + 1000));
	}

	@Test
	void aConnectionsEdgesCountAtItsFirstAndRelationshipListsAtTheirCap() {
		// organizations 1, edges 1 + 10, node 10, id 10, customers 10 + 10 * 100, their
		// id 1000
		assertThat(cost("{ organizations(first: 10) { edges { node { key customers { key } } } } }"))
			.isEqualTo(1 + (1 + 10) + 10 + 10 + (10 + 1000) + 1000);
	}

	@Test
	void aConnectionPagedBackwardCountsAtItsLastAndWithoutASizeAtTwenty() {
		// organizations 1, edges 1 + n, node n, id n
		assertThat(cost("{ organizations(last: 4) { edges { node { key } } } }")).isEqualTo(1 + (1 + 4) + 4 + 4);
		assertThat(cost("{ organizations { edges { node { key } } } }")).isEqualTo(1 + (1 + 20) + 20 + 20);
	}

	@Test
	void variablesSizeTheLists() {
		Document document = Parser.parse("query($n: Int) { search(text: \"hut\", first: $n) { key } }");
		assertThat(QueryLimits.measure(SCHEMA, document, null, Map.of("n", 7)).cost()).isEqualTo(1 + 7 + 7);
	}

	@Test
	void everyExampleFitsTheLimits() throws IOException {
		for (String name : Examples.names()) {
			String text = Files.readString(Path.of("graphql", "examples", name + ".graphql"));
			QueryLimits.Measure measure = QueryLimits.measure(SCHEMA, Parser.parse(text), null, Map.of());
			assertThat(measure.cost()).as(name).isPositive().isLessThanOrEqualTo(QueryLimits.MAX_COST);
			assertThat(measure.depth()).as(name).isLessThanOrEqualTo(QueryLimits.MAX_DEPTH);
		}
	}

	static long cost(String document) {
		return QueryLimits.measure(SCHEMA, Parser.parse(document), null, Map.of()).cost();
	}

}
