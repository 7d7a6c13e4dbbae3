package com.sagemakermlops.policy.analyzer;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;

import java.io.InputStream;

/**
 * Requests nested too deeply end in INVALID_ARGUMENT that says so. gRPC's own protobuf reader stops at 100 levels
 * (about 33 levels of resource properties) and the engine then sees only UNKNOWN; here requests are read up to
 * {@value #PROTOBUF_LEVELS} levels, a request beyond that is replaced by a marked empty one that is refused before
 * any method sees it, and {@link com.sagemakermlops.policy.PropertyValues} refuses properties nested deeper than
 * {@value com.sagemakermlops.policy.PropertyValues#MAX_DEPTH} levels.
 */
final class NestingLimit {
    /** Protobuf message levels read: each level of a property costs three (Value, Struct, map entry). */
    static final int PROTOBUF_LEVELS = 1_000;
    /** Field number of the mark on a request that could not be read for its nesting (the largest field number). */
    private static final int TOO_DEEP = 536_870_911;

    private NestingLimit() {
    }

    /** The service with every request read under this limit. */
    static ServerServiceDefinition apply(BindableService service) {
        ServerServiceDefinition definition = service.bindService();
        ServerServiceDefinition.Builder bounded = ServerServiceDefinition.builder(
                definition.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            bounded.addMethod(bounded(method));
        }
        return bounded.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> bounded(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor().toBuilder()
                .setRequestMarshaller(new Reader<>(method.getMethodDescriptor().getRequestMarshaller()))
                .build();
        return ServerMethodDefinition.create(descriptor, refusingMarked(method.getServerCallHandler()));
    }

    private static <Q, R> ServerCallHandler<Q, R> refusingMarked(ServerCallHandler<Q, R> next) {
        return (call, headers) -> new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (message instanceof Message m && m.getUnknownFields().hasField(TOO_DEEP)) {
                    refused = true;
                    call.close(Status.INVALID_ARGUMENT.withDescription("the request is nested deeper than "
                            + PROTOBUF_LEVELS + " protobuf levels (resource properties at most "
                            + com.sagemakermlops.policy.PropertyValues.MAX_DEPTH + " levels deep)"), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** Reads a request with the higher limit; one beyond it becomes the marked empty request. */
    private static final class Reader<Q> implements MethodDescriptor.Marshaller<Q> {
        private final MethodDescriptor.Marshaller<Q> delegate;
        private final Message prototype;

        @SuppressWarnings("unchecked")
        Reader(MethodDescriptor.Marshaller<Q> delegate) {
            this.delegate = delegate;
            this.prototype = ((MethodDescriptor.PrototypeMarshaller<Q>) delegate).getMessagePrototype() instanceof Message m
                    ? m : null;
        }

        @Override
        public InputStream stream(Q value) {
            return delegate.stream(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q parse(InputStream stream) {
            if (prototype == null) {
                return delegate.parse(stream);
            }
            try {
                CodedInputStream in = CodedInputStream.newInstance(stream);
                in.setRecursionLimit(PROTOBUF_LEVELS);
                in.setSizeLimit(Integer.MAX_VALUE);
                return (Q) prototype.getParserForType().parseFrom(in);
            } catch (InvalidProtocolBufferException e) {
                if (e.getMessage() != null && e.getMessage().contains("nesting")) {
                    return (Q) prototype.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                            .addField(TOO_DEEP, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
                }
                throw Status.INTERNAL.withDescription("the request is not a valid protobuf message").asRuntimeException();
            }
        }
    }
}
