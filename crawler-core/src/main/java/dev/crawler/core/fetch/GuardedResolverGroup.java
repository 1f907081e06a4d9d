package dev.crawler.core.fetch;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves through another resolver group (asynchronous DNS) and then applies the {@link AddressPolicy}:
 * an address the host may not use fails the resolution with a {@link BlockedAddressException}, so the
 * bootstrap never connects to it. Everything runs on the channel's event loop, as the delegate does.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private final AddressResolverGroup<InetSocketAddress> delegate;
    private final AddressPolicy policy;

    GuardedResolverGroup(AddressResolverGroup<InetSocketAddress> delegate, AddressPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Guarded(delegate.getResolver(executor), policy, executor);
    }

    @Override
    public void close() {
        super.close();
        delegate.close();
    }

    private static final class Guarded implements AddressResolver<InetSocketAddress> {
        private final AddressResolver<InetSocketAddress> delegate;
        private final AddressPolicy policy;
        private final EventExecutor executor;

        Guarded(AddressResolver<InetSocketAddress> delegate, AddressPolicy policy, EventExecutor executor) {
            this.delegate = delegate;
            this.policy = policy;
            this.executor = executor;
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return delegate.isSupported(address);
        }

        /** Never: an address that arrives resolved must still pass the policy, so it goes through {@link #resolve}. */
        @Override
        public boolean isResolved(SocketAddress address) {
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            String host = ((InetSocketAddress) address).getHostString();
            delegate.resolve(address).addListener((Future<InetSocketAddress> resolved) -> {
                if (!resolved.isSuccess()) {
                    promise.tryFailure(resolved.cause());
                } else if (!policy.permits(host, resolved.getNow().getAddress())) {
                    promise.tryFailure(new BlockedAddressException(host, resolved.getNow().getAddress()));
                } else {
                    promise.trySuccess(resolved.getNow());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        /** Keeps the permitted addresses; fails as blocked when none is. */
        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            String host = ((InetSocketAddress) address).getHostString();
            delegate.resolveAll(address).addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (!resolved.isSuccess()) {
                    promise.tryFailure(resolved.cause());
                    return;
                }
                List<InetSocketAddress> permitted = new ArrayList<>();
                for (InetSocketAddress candidate : resolved.getNow()) {
                    if (policy.permits(host, candidate.getAddress())) {
                        permitted.add(candidate);
                    }
                }
                if (permitted.isEmpty() && !resolved.getNow().isEmpty()) {
                    promise.tryFailure(new BlockedAddressException(host, resolved.getNow().get(0).getAddress()));
                } else {
                    promise.trySuccess(permitted);
                }
            });
            return promise;
        }

        @Override
        public void close() {
            // The delegate's resolvers belong to the delegate group, which closes them.
        }
    }
}
