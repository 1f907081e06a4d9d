@NullMarked
package dev.crawler.core.fetch;

import org.jspecify.annotations.NullMarked;
