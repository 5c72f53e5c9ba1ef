import './spinner.css';
/** A spinner is decoration unless it carries a label (then it is the status itself). */
export function Spinner({ label, large = false }: { label?: string; large?: boolean }) {
  const className = large ? 'spinner spinner-lg' : 'spinner';
  if (!label) return <span className={className} aria-hidden="true" />;
  return (
    <span role="status" className="row">
      <span className={className} aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
