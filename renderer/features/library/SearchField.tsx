import type { KeyboardEvent, Ref } from 'react';
import { Button, Spinner, Tooltip } from '../../app/theme';
import { CrossIcon, InfoIcon, SearchIcon } from '../../app/theme/icons';
import { shortcutModifier } from '../../app/Sidebar';
import { clearSearch, setQuery } from './actions';
import { resultCount, useLibraryStore } from './store';

export const SEARCH_HELP =
  'Words match as you type, in every meeting on this computer. Put "an exact phrase" in quotes. Combine words with AND, OR and NOT in capitals: offline OR sync, release NOT date.';

export const RESULTS_ID = 'library-search-results';
export const optionId = (index: number): string => `library-result-${index}`;

/**
 * The library's search: as-you-type over every cached transcript. Arrow keys move through the
 * results, Enter opens one, Escape clears. Ctrl/⌘+K or / focus it from anywhere in the library.
 */
export function SearchField({ inputRef, onOpenActive }: { inputRef: Ref<HTMLInputElement>; onOpenActive(): void }) {
  const query = useLibraryStore((s) => s.search.query);
  const loading = useLibraryStore((s) => s.search.loading);
  const active = useLibraryStore((s) => s.search.active);
  const count = useLibraryStore((s) => resultCount(s.search.result));
  const showing = query.trim() !== '' && count > 0;

  const move = (step: number | 'first' | 'last') => {
    if (count === 0) return;
    const current = useLibraryStore.getState().search.active;
    const next = step === 'first' ? 0 : step === 'last' ? count - 1 : Math.max(0, Math.min(count - 1, current + step));
    useLibraryStore.getState().setSearch({ active: next });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'PageDown') move(8);
    else if (event.key === 'PageUp') move(-8);
    else if (event.key === 'Enter') {
      if (query.trim()) onOpenActive();
    } else if (event.key === 'Escape') {
      if (query) clearSearch();
      else event.currentTarget.blur();
    } else return;
    event.preventDefault();
  };

  return (
    <div className="library-search" role="search">
      <SearchIcon size={16} className="library-search-icon" />
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search all meetings"
        aria-expanded={showing}
        aria-controls={RESULTS_ID}
        aria-autocomplete="list"
        aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="Control+K Meta+K /"
        placeholder="Search every meeting and transcript"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {loading ? <Spinner /> : null}
      {query ? <Button size="sm" variant="ghost" icon={<CrossIcon />} aria-label="Clear the search" onClick={clearSearch} /> : null}
      <kbd className="library-search-kbd" aria-hidden="true">
        {shortcutModifier}K
      </kbd>
      <Tooltip text={SEARCH_HELP} placement="bottom-end">
        <button type="button" className="library-search-help" aria-label="Search tips">
          <InfoIcon size={15} />
        </button>
      </Tooltip>
    </div>
  );
}
