package io.tributary.marquez;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Marquez's error body, which its clients read: {@code {"code": 404, "message": "..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MarquezError(int code, String message, String details) {}
