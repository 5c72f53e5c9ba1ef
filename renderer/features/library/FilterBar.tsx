import { useId, type ReactNode } from 'react';
import type { MeetingStatus } from '../../../shared/vexa/types';
import { Button } from '../../app/theme';
import { ChevronIcon, CrossIcon } from '../../app/theme/icons';
import { applyFilters, chooseServer } from './actions';
import { platformLabel } from './describe';
import { activeFilterCount, DATE_PRESETS, STATUS_FILTERS, type DatePreset, type LibraryFilters } from './filters';
import { serverOptions } from './servers';
import { useLibraryStore } from './store';

const KNOWN_PLATFORMS = ['google_meet', 'teams', 'zoom', 'jitsi'];

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
}) {
  return (
    <label className="filter-select" data-active={value !== '' && value !== 'any' ? 'true' : undefined}>
      <span className="sr-only">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ChevronIcon size={12} className="filter-select-chevron" />
    </label>
  );
}

function DateInput({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }): ReactNode {
  const id = useId();
  return (
    <span className="filter-date">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}

/** A chosen server the list of servers has not caught up with yet stays selectable, by its address. */
function withChosen(options: Array<{ value: string; label: string }>, chosen: string) {
  return !chosen || options.some((o) => o.value === chosen) ? options : [...options, { value: chosen, label: chosen }];
}

/** Date range, platform, status, server (with several) and, while searching, speaker. */
export function FilterBar({ searching }: { searching: boolean }) {
  const filters = useLibraryStore((s) => s.filters);
  const servers = useLibraryStore((s) => s.servers);
  const listed = useLibraryStore((s) => s.meetings);
  const speakers = useLibraryStore((s) => s.search.result?.segments);
  const speakerListId = useId();

  const update = (patch: Partial<LibraryFilters>) => {
    useLibraryStore.getState().setFilters(patch);
    applyFilters();
  };

  const platforms = [...new Set([...KNOWN_PLATFORMS, ...(listed ?? []).map((m) => m.platform), filters.platform].filter(Boolean))];
  const speakerNames = [...new Set((speakers ?? []).map((s) => s.speaker).filter((s): s is string => !!s))].sort();
  const active = activeFilterCount(filters, searching);

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <FilterSelect label="Date" value={filters.date} options={DATE_PRESETS} onChange={(v) => update({ date: v as DatePreset })} />
      {filters.date === 'custom' ? (
        <>
          <DateInput label="From" value={filters.fromDate} onChange={(fromDate) => update({ fromDate })} />
          <DateInput label="To" value={filters.toDate} onChange={(toDate) => update({ toDate })} />
        </>
      ) : null}
      <FilterSelect
        label="Platform"
        value={filters.platform}
        options={[{ value: '', label: 'All platforms' }, ...platforms.map((p) => ({ value: p, label: platformLabel(p) }))]}
        onChange={(platform) => update({ platform })}
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={[{ value: '', label: 'Any status' }, ...STATUS_FILTERS]}
        onChange={(status) => update({ status: status as MeetingStatus | '' })}
      />
      {servers.length > 1 || filters.serverId ? (
        <FilterSelect
          label="Server"
          value={filters.serverId}
          options={withChosen(serverOptions(servers), filters.serverId)}
          onChange={(serverId) => void chooseServer(serverId)}
        />
      ) : null}
      {searching ? (
        <span className="filter-speaker" data-active={filters.speaker.trim() ? 'true' : undefined}>
          <label className="sr-only" htmlFor={`${speakerListId}-input`}>
            Speaker
          </label>
          <input
            id={`${speakerListId}-input`}
            type="text"
            placeholder="Any speaker"
            list={speakerListId}
            autoComplete="off"
            value={filters.speaker}
            onChange={(e) => update({ speaker: e.target.value })}
          />
          <datalist id={speakerListId}>
            {speakerNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </span>
      ) : null}
      {active > 0 ? (
        <Button
          size="sm"
          variant="ghost"
          icon={<CrossIcon />}
          onClick={() => {
            useLibraryStore.getState().resetFilters();
            applyFilters();
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
