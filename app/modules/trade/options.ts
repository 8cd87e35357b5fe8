import { pavilion } from '~/config/pavilion'

export const tradeMarkets = pavilion.markets
export const transportModes = ['road', 'rail'] as const

export const exporterListFilters = ['active', 'all'] as const
