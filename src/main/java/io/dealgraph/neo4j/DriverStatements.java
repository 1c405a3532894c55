package io.dealgraph.neo4j;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.async.AsyncTransactionCallback;
import org.neo4j.driver.async.AsyncTransactionContext;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts every Cypher statement sent to Neo4j, where it is sent: the application's
 * {@link Driver} is wrapped so that each {@code run} on a session or transaction and each
 * {@code execute} of an executable query counts one, whoever calls it (this code, Spring
 * Data Neo4j's client and transaction manager, the health check). No path can go
 * uncounted, so a test can prove how many statements a request costs. The count is the
 * meter {@code dealgraph.cypher.statements} ({@code dealgraph_cypher_statements_total} on
 * {@code /actuator/prometheus}).
 */
@Component
public class DriverStatements implements BeanPostProcessor, MeterBinder {

	/** The driver's types whose objects send statements or hand out ones that do. */
	private static final List<Class<?>> WRAPPED = List.of(Session.class, Transaction.class, TransactionContext.class,
			ExecutableQuery.class, AsyncSession.class, AsyncTransaction.class, AsyncTransactionContext.class);

	private final AtomicLong statements = new AtomicLong();

	/** How many statements have been sent since start. */
	public long count() {
		return this.statements.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof Driver driver) ? wrap(driver, Driver.class) : bean;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("dealgraph.cypher.statements", this.statements, AtomicLong::get)
			.description("Cypher statements sent to Neo4j")
			.register(registry);
	}

	private <T> T wrap(T target, Class<T> type) {
		return type.cast(proxy(target, type));
	}

	/**
	 * A counting view of {@code target} as these types. It is equal only to itself, as
	 * the driver's own objects are, so that Spring's transaction resources keyed by it
	 * match.
	 */
	private Object proxy(Object target, Class<?>... types) {
		InvocationHandler handler = (proxy, method, arguments) -> switch (method.getName()) {
			case "equals" ->
				(method.getParameterCount() == 1) ? proxy == arguments[0] : invoke(target, method, arguments);
			case "hashCode" ->
				(method.getParameterCount() == 0) ? System.identityHashCode(proxy) : invoke(target, method, arguments);
			default -> invoke(target, method, arguments);
		};
		return Proxy.newProxyInstance(Driver.class.getClassLoader(), types, handler);
	}

	private @Nullable Object invoke(Object target, Method method, Object @Nullable [] arguments) throws Throwable {
		if (sendsAStatement(target, method)) {
			this.statements.incrementAndGet();
		}
		Object[] passed = (arguments != null) ? arguments.clone() : null;
		if (passed != null) {
			for (int i = 0; i < passed.length; i++) {
				passed[i] = wrapCallback(passed[i]);
			}
		}
		try {
			return wrapResult(method.invoke(target, passed));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static boolean sendsAStatement(Object target, Method method) {
		return switch (method.getName()) {
			case "run", "runAsync" -> true;
			case "execute" -> target instanceof ExecutableQuery;
			default -> false;
		};
	}

	/** A transaction function gets a counting view of the transaction it is given. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private @Nullable Object wrapCallback(@Nullable Object argument) {
		if (argument instanceof TransactionCallback callback) {
			return (TransactionCallback<Object>) (tx) -> callback.execute(wrap(tx, TransactionContext.class));
		}
		if (argument instanceof AsyncTransactionCallback callback) {
			return (AsyncTransactionCallback<Object>) (tx) -> callback.execute(wrap(tx, AsyncTransactionContext.class));
		}
		return argument;
	}

	/**
	 * A session, transaction or query comes back wrapped in every one of those types it
	 * implements, so it can still be used as any of them.
	 */
	private @Nullable Object wrapResult(@Nullable Object result) {
		if (result == null || Proxy.isProxyClass(result.getClass())) {
			return result;
		}
		Class<?>[] types = WRAPPED.stream().filter((type) -> type.isInstance(result)).toArray(Class<?>[]::new);
		return (types.length == 0) ? result : proxy(result, types);
	}

}
