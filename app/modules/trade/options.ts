// Choices the trade forms offer, shared by the server's checks and the pages that render them.
import { pavilion } from '~/config/pavilion'

export const tradeMarkets = pavilion.markets
export const transportModes = ['road', 'rail'] as const

/** The exporter's list of requests: those needing an answer, or all. */
export const exporterListFilters = ['active', 'all'] as const
