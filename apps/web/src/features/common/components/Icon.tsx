import sprite from 'bootstrap-italia/dist/svg/sprites.svg?url';

interface IconProps {
  /** Symbol id in the bootstrap-italia sprite, e.g. `it-user`. */
  name: string;
  size?: 'xs' | 'sm' | 'lg' | 'xl';
  color?: 'primary' | 'secondary' | 'success' | 'warning' | 'danger' | 'white' | 'light';
  className?: string;
  /** Accessible name; without it the icon is decorative and hidden from assistive technology. */
  title?: string;
}

export function Icon({ name, size, color, className, title }: IconProps) {
  const classes = ['icon', size && `icon-${size}`, color && `icon-${color}`, className].filter(Boolean).join(' ');
  return (
    <svg className={classes} aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
      {title && <title>{title}</title>}
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
