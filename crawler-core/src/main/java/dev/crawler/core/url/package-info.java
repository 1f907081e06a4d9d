@NullMarked
package dev.crawler.core.url;

import org.jspecify.annotations.NullMarked;
