// The `confnotes/langchain` package entry.
export { ConfnotesRetriever, type ConfnotesRetrieverInput, type ConfnotesRetrieverOptions, type RetrieverSource } from './retriever.js';
export { searchConferenceNotesTool, SEARCH_TOOL_NAME } from './search-tool.js';
export { documentOfExcerpt, documentOfPassage, type ConfnotesMetadata } from './documents.js';
