@NullMarked
package dev.crawler.core.config;

import org.jspecify.annotations.NullMarked;
