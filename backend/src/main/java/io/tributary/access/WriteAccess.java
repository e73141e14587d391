package io.tributary.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler (or every handler of a controller) that changes the store: it needs an ingest (write) key as
 * {@code Authorization: Bearer <key>}, whether or not reads are protected. {@link RouteTable} reads it from the
 * controllers' own mappings; every route that is not a plain {@code GET} must carry it or {@link PublicAccess}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WriteAccess {}
