package io.dealgraph.graphql;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A document sent again is not parsed again; one that fails validation is never kept. */
@RunsDealgraph
class DocumentCacheTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	DocumentCache documents;

	@Test
	void aDocumentSentTwiceIsKeptOnce() {
		String query = "{ organization(id: \"hut-8\") { id name kind } cacheProbe: __typename }";
		assertThat(this.documents.holds(null, query)).isFalse();
		this.graphQl.document(query).execute().path("organization.id").entity(String.class).isEqualTo("hut-8");
		assertThat(this.documents.holds(null, query)).isTrue();
		// Served from the cache, and still answered in full.
		this.graphQl.document(query).execute().path("organization.name").entity(String.class).isEqualTo("Hut 8");
	}

	@Test
	void anInvalidDocumentIsNotKept() {
		String query = "{ organization(id: \"hut-8\") { noSuchField } }";
		this.graphQl.document(query).execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
		assertThat(this.documents.holds(null, query)).isFalse();
	}

}
