import { Link } from '@remix-run/react'

export function FilterLinks({ label, links }: { label: string; links: { to: string; text: string; current: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="admin-filters">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={link.current ? 'page' : undefined}>
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
