import './disclosure.css';

export { Badge, type BadgeTone } from './Badge';
export { Bidi } from './Bidi';
export { Banner, type BannerTone } from './Banner';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Card } from './Card';
export { PlatformMark } from './PlatformMark';
export { Dialog } from './Dialog';
export { InlineError } from './InlineError';
export { EmptyState } from './EmptyState';
export { Spinner } from './Spinner';
export { TextField } from './TextField';
export { Tooltip } from './Tooltip';
export { SelectField } from './SelectField';
export { Segmented, type SegmentedOption } from './Segmented';
