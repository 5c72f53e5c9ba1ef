import type { Ref } from 'react';
import { Button } from '../../app/theme';
import { ArrowDownIcon, ArrowUpIcon, CrossIcon, SearchIcon } from '../../app/theme/icons';
import { matchCountText } from './search';
import type { CaptionSearch } from './useCaptionSearch';

/** Find in the meeting: Enter for the next match, Shift+Enter for the previous one, Escape to close. */
export function SearchBar({ search, inputRef }: { search: CaptionSearch; inputRef: Ref<HTMLInputElement> }) {
  const hasQuery = search.query.trim() !== '';
  return (
    <div className="caption-search" role="search">
      <SearchIcon size={15} className="caption-search-icon" />
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in captions"
        placeholder="Find in captions"
        autoComplete="off"
        spellCheck={false}
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) search.previous();
            else search.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            search.hide();
          }
        }}
      />
      <span className="caption-search-count" role="status">
        {hasQuery ? matchCountText(search.matches.length, search.current) : ''}
      </span>
      <Button
        size="sm"
        variant="ghost"
        icon={<ArrowUpIcon />}
        aria-label="Previous match"
        aria-keyshortcuts="Shift+Enter"
        unavailable={search.matches.length === 0}
        onClick={search.previous}
      />
      <Button
        size="sm"
        variant="ghost"
        icon={<ArrowDownIcon />}
        aria-label="Next match"
        aria-keyshortcuts="Enter"
        unavailable={search.matches.length === 0}
        onClick={search.next}
      />
      <Button size="sm" variant="ghost" icon={<CrossIcon />} aria-label="Close find" aria-keyshortcuts="Escape" onClick={search.hide} />
    </div>
  );
}
