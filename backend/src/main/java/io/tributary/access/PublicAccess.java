package io.tributary.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler (or every handler of a controller) that needs no key, even where reads are protected: it must
 * neither change the store nor reveal lineage. Without a mark, a {@code GET} route is a read and any other route a
 * write ({@link RouteTable}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicAccess {}
